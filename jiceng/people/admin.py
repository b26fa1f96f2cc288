from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from jiceng.core import crypto
from jiceng.core.admin import ReadOnlyAdmin
from jiceng.core.exports import CellValue, Column, csv_bytes
from jiceng.people.models import AccessLog, Household, Resident, Unit, User


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["name", "kind", "division", "slug", "active"]
    list_filter = ["kind", "active"]
    search_fields = ["name", "division__code"]
    raw_id_fields = ["division"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):  # type: ignore[type-arg]
    list_display = ["username", "first_name", "role", "unit", "is_active"]
    list_filter = ["role", "is_active"]
    list_select_related = ["unit"]
    raw_id_fields = ["unit"]
    fieldsets = (
        *BaseUserAdmin.fieldsets,  # type: ignore[misc]
        (_("Role and jurisdiction"), {"fields": ("role", "unit")}),
    )


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["address", "number", "grid", "dibao", "grid_worker"]
    list_filter = ["dibao"]
    raw_id_fields = ["grid", "grid_worker"]
    search_fields = ["address", "number", "grid__code"]


@admin.register(Resident)
class ResidentAdmin(ReadOnlyAdmin):
    """Masked: unmasking belongs to the owner of a case or household, with a logged reason."""

    list_display = ["masked_name", "masked_phone", "birth_date", "household"]
    # Health marks are encrypted and shown only on the household page, with a logged reason.
    list_filter = ["elderly_alone", "left_behind_child", "veteran"]
    fields = (
        "masked_name",
        "masked_phone",
        "masked_id_number",
        "birth_date",
        "household",
        "elderly_alone",
        "left_behind_child",
        "extreme_poverty",
        "veteran",
        "in_school",
        "hukou",
        "moved_away_on",
        "purged_at",
    )
    readonly_fields = fields
    list_select_related = ["household"]

    @admin.display(description=_("name"))
    def masked_name(self, person: Resident) -> str:
        return crypto.mask_name(person.name)

    @admin.display(description=_("phone"))
    def masked_phone(self, person: Resident) -> str:
        return crypto.mask_phone(person.phone)

    @admin.display(description=_("ID number"))
    def masked_id_number(self, person: Resident) -> str:
        return crypto.mask_id_number(person.id_number)


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "resident", "field", "reason", "case"]
    list_filter = ["field"]
    list_select_related = ["user", "case", "resident"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    @admin.action(description=_("Export selected entries as CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[AccessLog]) -> HttpResponse:
        columns = [Column(str(_(name))) for name in ("at", "user", "resident", "field", "reason")]
        rows: list[list[CellValue]] = [
            [entry.at.isoformat(), str(entry.user), entry.resident_id, entry.field, entry.reason]
            for entry in queryset.select_related("user")
        ]
        response = HttpResponse(csv_bytes(columns=columns, rows=rows), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
        return response
