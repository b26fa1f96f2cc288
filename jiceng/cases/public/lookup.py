"""A resident finds their own case by its number and the last four digits of their phone."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases import rules
from jiceng.cases.models import Case, State
from jiceng.core import throttle

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


# Wrong phone digits on one case number, from any address, through the portal or the
# API, before that number is locked: 4 digits are 10,000 guesses, so the budget
# must belong to the number, not to whoever is guessing.
FOLLOW_TRIES = (5, 3600)  # (wrong tries, window in seconds)
# Lookups from one address, portal and API together: generous for a family, tight for a script.
LOOKUPS_PER_ADDRESS = (20, 600)
_FOLLOW_KEY_LENGTH = 40


def lookup_allowed(address: str) -> bool:
    """Count one lookup from ``address``; False once the address has used up its budget."""
    limit, seconds = LOOKUPS_PER_ADDRESS
    return throttle.hit(f"follow:ip:{address or 'unknown'}", limit=limit, seconds=seconds)


def follow_case(number: str, phone_last4: str) -> Case | None:
    """``find_case`` for the public, with a lock per case number after a few wrong tries.

    Five wrong tries on a number in one clock hour lock it for the rest of that
    hour and the whole next one. A locked number answers None like a wrong
    or unknown one, so a caller cannot tell locked, wrong and unknown apart;
    unknown numbers are counted the same way for the same reason.
    """
    key = f"follow:number:{number.strip()[:_FOLLOW_KEY_LENGTH]}"
    limit, seconds = FOLLOW_TRIES
    if throttle.blocked(key, limit=limit, seconds=seconds, windows=2):
        return None
    case = find_case(number, phone_last4)
    if case is None:
        throttle.hit(key, limit=limit, seconds=seconds)
    return case


def followed_case(case: Case) -> Case:
    """The case whose progress a resident of ``case`` follows: the case that carries the work
    of a merged request, else the case itself."""
    if case.state != State.MERGED:
        return case
    return public_cases().get(pk=rules.merged_survivor(case).pk)


def number_of(case_id: int) -> str:
    """The number of a case a signed link names ("" if there is none)."""
    return Case.objects.filter(pk=case_id).values_list("number", flat=True).first() or ""


def case_by_number(number: str) -> Case | None:
    """Only for a number the caller has already verified (see the portal's session)."""
    return public_cases().filter(number=number).first() if number else None
