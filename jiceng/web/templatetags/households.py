"""Template tags tying cases to the household registry (see jiceng.cases.households).

They only call the scoped selectors with the signed-in user; nothing here decides.
"""

from __future__ import annotations

from typing import Any

from django import template

from jiceng.cases.households import household_cases, priority_mark
from jiceng.cases.models import Case
from jiceng.people.models import Household, User

register = template.Library()
SHOWN = 30


def _user(context: dict[str, Any]) -> User | None:
    user = context.get("user")
    return user if isinstance(user, User) else None


@register.simple_tag(takes_context=True)
def cases_of_household(context: dict[str, Any], household: Household) -> list[Case]:
    """``{% cases_of_household home as cases %}``: the household's cases the user may see."""
    user = _user(context)
    return [] if user is None else list(household_cases(user, household)[:SHOWN])


@register.simple_tag(takes_context=True)
def case_priority(context: dict[str, Any], case: Case) -> bool:
    """``{% case_priority case as priority %}``: marked for this user as from a vulnerable home."""
    user = _user(context)
    return user is not None and priority_mark(user, case)
