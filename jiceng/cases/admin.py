"""Admin: configuration is editable; cases and their history are read-only here.

Cases change only through their services, so the admin shows them and never
edits them; personal data appears masked.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import Case, CaseEvent, Category, DispatchRule, Rating, TimeLimit
from jiceng.core import crypto, pii
from jiceng.core.admin import ReadOnlyAdmin


@admin.register(TimeLimit)
class TimeLimitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "code",
        "name",
        "respond_amount",
        "respond_unit",
        "resolve_amount",
        "resolve_unit",
    ]


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = [
        "code",
        "icon",
        "name",
        "name_en",
        "group",
        "time_limit",
        "first_tier",
        "active",
    ]
    list_editable = ["active"]
    list_filter = ["group", "first_tier"]


@admin.register(DispatchRule)
class DispatchRuleAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["county", "category", "tier", "unit"]
    list_filter = ["tier", "category"]
    raw_id_fields = ["county", "unit"]


class EventInline(admin.TabularInline):  # type: ignore[type-arg]
    model = CaseEvent
    fields = ("seq", "kind", "at", "actor", "from_state", "to_state", "unit", "note")
    readonly_fields = fields
    can_delete = False
    extra = 0
    ordering = ["seq"]

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["number", "kind", "state", "category", "division", "owner", "resolve_by"]
    list_filter = ["state", "kind", "category", "channel"]
    search_fields = ["number", "title"]
    list_select_related = ["category", "division", "owner"]
    # The text as typed may hold phone and ID numbers; here, as on every staff page, it is
    # masked (jiceng.core.pii), and only the owning unit's logged reveal shows it in clear.
    exclude = ["resident", "title", "description", "address"]
    readonly_fields = ["contact", "masked_title", "masked_description", "masked_address"]
    inlines = [EventInline]
    show_full_result_count = False

    @admin.display(description=_("contact"))
    def contact(self, case: Case) -> str:
        if case.resident is None:
            return "—"
        return f"{crypto.mask_name(case.resident.name)} {crypto.mask_phone(case.resident.phone)}"

    @admin.display(description=_("title"))
    def masked_title(self, case: Case) -> str:
        return pii.mask_text(case.title)

    @admin.display(description=_("description"))
    def masked_description(self, case: Case) -> str:
        return pii.mask_text(case.description)

    @admin.display(description=_("address"))
    def masked_address(self, case: Case) -> str:
        return pii.mask_address(case.address)


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["case", "seq", "kind", "at", "actor", "unit"]
    list_filter = ["kind"]
    list_select_related = ["case", "actor", "unit"]
    show_full_result_count = False


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    list_display = ["case", "at", "solved", "satisfaction", "source", "unit"]
    list_filter = ["satisfaction", "solved", "source"]
    list_select_related = ["case", "unit"]
