"""Month arithmetic for visit intervals: the same day some months earlier or later."""

from __future__ import annotations

from datetime import date


def months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    for dom in (day.day, 30, 29, 28):
        try:
            return date(year, month + 1, dom)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def add_months(day: date, months: int) -> date:
    return months_before(day, -months)
