"""Admin of households: address, number, grid and grid worker."""

from __future__ import annotations

from django.contrib import admin

from jiceng.people.models import Household


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["address", "number", "grid", "dibao", "grid_worker"]
    list_filter = ["dibao"]
    raw_id_fields = ["grid", "grid_worker"]
    search_fields = ["address", "number", "grid__code"]
