"""A resident's own case found by its number and the last four digits of their phone."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases import rules
from jiceng.cases.models import Case, State

PUBLIC_CASE_FIELDS = ("category", "division__parent", "owner")


def public_cases() -> QuerySet[Case]:
    return Case.objects.select_related(*PUBLIC_CASE_FIELDS, "resident", "category__time_limit")


def find_case(number: str, phone_last4: str) -> Case | None:
    """The resident's own case: the one with this number whose contact phone ends in these
    digits, or their request that was merged into the case with this number. Else None."""
    if not number or len(phone_last4) != 4:
        return None
    cases = public_cases().filter(resident__phone_last4=phone_last4)
    own = cases.filter(number=number).first()
    if own is not None:
        return own
    return cases.filter(state=State.MERGED, merged_into__number=number).order_by("pk").first()


def followed_case(case: Case) -> Case:
    """The case whose progress a resident of ``case`` follows: the case that carries the work
    of a merged request, else the case itself."""
    if case.state != State.MERGED:
        return case
    return public_cases().get(pk=rules.merged_survivor(case).pk)
