"""The household list's filter: a search, and one village group (组) to show."""

from __future__ import annotations

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from jiceng.places.models import Grid


class HouseholdFilter(forms.Form):
    q = forms.CharField(
        label=_("House number or address"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    group = forms.ChoiceField(label=_("Group"), required=False)

    def __init__(self, data: object, *, groups: QuerySet[Grid]) -> None:
        super().__init__(data)  # type: ignore[arg-type]
        choices = [(g.code, g.name) for g in groups]
        group = self.fields["group"]
        assert isinstance(group, forms.ChoiceField)
        group.choices = [("", _("All groups")), *choices]
