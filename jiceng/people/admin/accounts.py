"""Admin of units and user accounts: roles and jurisdictions set by hand."""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from jiceng.people.models import Unit, User


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
