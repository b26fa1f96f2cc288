from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from jiceng.cases.admin import ReadOnlyAdmin
from jiceng.core import crypto
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
    list_display = ["address", "grid"]
    raw_id_fields = ["grid"]
    search_fields = ["address", "grid__code"]


@admin.register(Resident)
class ResidentAdmin(ReadOnlyAdmin):
    """Masked: unmasking belongs to the owner of a case or household, with a logged reason."""

    list_display = ["masked_name", "masked_phone", "birth_date", "household"]
    fields = ("masked_name", "masked_phone", "masked_id_number", "birth_date", "household")
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
    list_display = ["at", "user", "field", "reason", "case"]
    list_filter = ["field"]
    list_select_related = ["user", "case"]
    date_hierarchy = "at"
