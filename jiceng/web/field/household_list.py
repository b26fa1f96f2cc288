"""The village's household list: by group (组) and house number, searchable, one group."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.db.models.functions import Length
from django.utils.translation import gettext_lazy as _

from jiceng.people.models import Household
from jiceng.places.models import Grid

PAGE_SIZE = 50


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


def village_groups(village: str) -> QuerySet[Grid]:
    return Grid.objects.filter(village_id=village).order_by("code")


def filtered(homes: QuerySet[Household], form: HouseholdFilter) -> QuerySet[Household]:
    """Sorted as the village office reads its book: group, then house number ("2" before "10")."""
    if form.is_valid():
        text = form.cleaned_data["q"].strip()
        if text:
            homes = homes.filter(Q(number__icontains=text) | Q(address__icontains=text))
        if form.cleaned_data["group"]:
            homes = homes.filter(grid__code=form.cleaned_data["group"])
    elif form.errors:
        homes = homes.none()
    return homes.annotate(no_number=Q(number=""), number_length=Length("number")).order_by(
        "grid__code", "no_number", "number_length", "number", "address", "pk"
    )
