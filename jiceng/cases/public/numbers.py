"""Cases named by a number already verified: a signed link's, or the portal session's."""

from __future__ import annotations

from jiceng.cases.models import Case
from jiceng.cases.public.lookup import public_cases


def number_of(case_id: int) -> str:
    """The number of a case a signed link names ("" if there is none)."""
    return Case.objects.filter(pk=case_id).values_list("number", flat=True).first() or ""


def case_by_number(number: str) -> Case | None:
    """Only for a number the caller has already verified (see the portal's session)."""
    return public_cases().filter(number=number).first() if number else None
