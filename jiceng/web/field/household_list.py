"""The village's household list: by group (组) and house number, searchable, one group."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.db.models.functions import Length

from jiceng.people.models import Household
from jiceng.places.models import Grid
from jiceng.web.field.household_filter import HouseholdFilter

PAGE_SIZE = 50


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
