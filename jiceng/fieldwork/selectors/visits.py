"""Visits as a cadre reads them: their own notebook, open follow-ups, a household's."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.models import Visit
from jiceng.fieldwork.scope import field_village
from jiceng.people.models import Household, User


def my_visits(user: User) -> QuerySet[Visit]:
    """The user's own visits (a cadre's own notebook, not a score)."""
    field_village(user)
    return Visit.objects.filter(by=user).select_related("household", "case")


def open_follow_ups(user: User) -> QuerySet[Visit]:
    return my_visits(user).filter(follow_up_on__isnull=False, follow_up_done_at__isnull=True)


def household_visits(user: User, household: Household) -> QuerySet[Visit]:
    if field_village(user) != household.grid.village_id:
        raise NotAllowed(_("This household belongs to another village."))
    return Visit.objects.filter(household=household).select_related("by", "case")
