"""Age in whole years from a birth date, and an age bound as a bound on the birth date."""

from __future__ import annotations

from datetime import date

from django.db.models import Q


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - int((today.month, today.day) < (birth.month, birth.day))


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def age_q(op: str, value: int, today: date) -> Q:
    """``age <op> value`` as a filter on ``birth_date``."""
    # age >= n  <=>  born on or before today n years ago.
    at_least = {">=": value, ">": value + 1, "==": value}.get(op)
    at_most = {"<=": value, "<": value - 1, "==": value}.get(op)
    q = Q(birth_date__isnull=False)
    if at_least is not None:
        q &= Q(birth_date__lte=_years_before(today, at_least))
    if at_most is not None:
        q &= Q(birth_date__gt=_years_before(today, at_most + 1))
    return q
