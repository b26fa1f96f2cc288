"""The village's outreach list, one entry per household, filtered and paged.

A first matching run opens dozens of items in a village (82 in the demo's 天竺社区), and
most households have more than one: a card per household, a page at a time, keeps the
list usable on a phone. Reads only the masked copies of names, never the ciphertext.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Max, Min, QuerySet

from jiceng.core import clock
from jiceng.people.models import Household, User
from jiceng.policies.models import CLOSED_OUTCOMES, Outreach
from jiceng.policies.selectors import outreach_for

PER_PAGE = 20
# Items opened this recently are marked new: the grid worker sees what matching just found.
NEW_FOR = timedelta(days=7)
STATES = ("open", "closed", "all")


@dataclass(frozen=True)
class Filter:
    policy: str = ""  # a policy code, or every policy
    state: str = "open"  # open, closed or all
    new_only: bool = False


@dataclass
class HouseholdItems:
    household: Household
    items: list[Outreach]


def _filtered(user: User, chosen: Filter) -> QuerySet[Outreach]:
    items = outreach_for(user)
    if chosen.policy:
        items = items.filter(policy__code=chosen.policy)
    if chosen.state == "open":
        items = items.exclude(outcome__in=CLOSED_OUTCOMES)
    elif chosen.state == "closed":
        items = items.filter(outcome__in=CLOSED_OUTCOMES)
    if chosen.new_only:
        items = items.filter(created_at__gte=new_since())
    return items


def new_since() -> datetime:
    return clock.now() - NEW_FOR


def outreach_page(
    user: User, chosen: Filter, number: str | None
) -> tuple[Page, list[HouseholdItems]]:
    """One page of households with their items; households with the newest items first."""
    items = _filtered(user, chosen)
    homes = (
        items.values("household_id")
        .annotate(newest=Max("created_at"), first=Min("id"))
        .order_by("-newest", "first")
    )
    page = Paginator(homes, PER_PAGE).get_page(number)
    ids = [row["household_id"] for row in page.object_list]
    found = items.filter(household_id__in=ids).defer(
        "resident__name", "resident__phone", "resident__id_number", "resident__health",
        "resident__health_note", "resident__note",
    ).order_by("policy__title", "id")  # fmt: skip
    grouped: dict[int, HouseholdItems] = {}
    for item in found:
        grouped.setdefault(item.household_id, HouseholdItems(item.household, [])).items.append(item)
    return page, [grouped[pk] for pk in ids if pk in grouped]


def policy_choices(user: User) -> list[tuple[str, str]]:
    """The policies that have items in the user's village, for the filter."""
    rows = outreach_for(user).values_list("policy__code", "policy__title").distinct()
    return sorted(set(rows), key=lambda row: row[1])
