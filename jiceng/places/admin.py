"""Admin for divisions and grids.

Divisions come from the NBS files (``jiceng import-divisions``), so the admin
mostly looks them up. Only superusers change them, and only the name: the code
is the key cases, units and grids point at, and a division's level and parent
follow from its code, so a hand-added division gets them from the code too.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext as _

from jiceng.places.importer import PARENT_LENGTH, division_problems
from jiceng.places.models import LEVEL_BY_LENGTH, Division, Grid, Level


class DivisionForm(forms.ModelForm):
    class Meta:
        model = Division
        fields = ("code", "name")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        division = self.instance
        code = cleaned.get("code", "") if division._state.adding else division.code
        name = cleaned.get("name", "")
        parent = code[: PARENT_LENGTH.get(len(code), 0)]
        for field, message in division_problems(code, name, parent):
            self.add_error(field if field in self.fields else None, message)
        if division._state.adding and not self.errors:
            division.level = LEVEL_BY_LENGTH[len(code)]
            division.parent_id = parent or None
        return cleaned


@admin.register(Division)
class DivisionAdmin(admin.ModelAdmin):
    form = DivisionForm
    list_display = ("code", "name", "level", "parent")
    list_filter = ("level",)
    # "^code": a code prefix is a scope (3306 finds everything in 绍兴市).
    search_fields = ("^code", "name")
    raw_id_fields = ("parent",)
    list_select_related = ("parent",)
    # Counting 600,000+ villages on every search is slow and tells nobody anything.
    show_full_result_count = False

    def get_fields(self, request: HttpRequest, obj: Division | None = None) -> tuple[str, ...]:
        if obj is None:
            return ("code", "name")
        return ("code", "name", "level", "parent")

    def get_readonly_fields(
        self, request: HttpRequest, obj: Division | None = None
    ) -> tuple[str, ...]:
        # The parent is shown, not edited: it may not be imported yet (db_constraint=False).
        return () if obj is None else ("code", "level", "parent")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Division | None = None) -> bool:
        return request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Division | None = None) -> bool:
        return request.user.is_superuser


class GridForm(forms.ModelForm):
    class Meta:
        model = Grid
        fields = ("code", "name", "village")

    def clean_village(self) -> Division:
        village: Division = self.cleaned_data["village"]
        if village.level != Level.VILLAGE:
            message = _("A grid belongs to a village; %(division)s is a %(level)s.")
            raise forms.ValidationError(
                message % {"division": village, "level": village.get_level_display()}
            )
        return village


@admin.register(Grid)
class GridAdmin(admin.ModelAdmin):
    form = GridForm
    list_display = ("code", "name", "village")
    search_fields = ("^code", "name", "village__name")
    raw_id_fields = ("village",)
    list_select_related = ("village",)
