"""A case's household, and the cases of a household that a user may see."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases.households.linking import linked_household, registry
from jiceng.cases.models import Case
from jiceng.cases.permissions import visible_cases
from jiceng.people.models import Household, User


def case_household(case: Case) -> Household | None:
    """The one household whose member has the case's phone; None if none or several."""
    linked = linked_household(case)
    if linked is None:
        return None
    return Household.objects.select_related("grid__village").filter(pk=linked[0]).first()


def household_cases(user: User, household: Household) -> QuerySet[Case]:
    """The cases ``user`` may see whose phone is a member's, and no other household's."""
    mine = set(registry().filter(household=household).values_list("phone_index", flat=True))
    shared = registry().filter(phone_index__in=mine).exclude(household=household)
    phones = mine - set(shared.values_list("phone_index", flat=True))
    return (
        visible_cases(user)
        .filter(resident__phone_index__in=phones)
        .select_related("category", "owner")
        .order_by("-submitted_at")
    )
