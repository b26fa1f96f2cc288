"""Deadline arithmetic: calendar hours, or working days with China's holiday calendar.

A working day is Monday–Friday unless it is a statutory holiday, plus any
make-up workday (调休上班) on a weekend. A limit of N working days ends at the
close (23:59:59 local time) of the N-th working day after the day the clock
starts; a clock that starts on a rest day therefore loses nothing.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta
from threading import Lock

from django.utils import timezone

from jiceng.core.models import CalendarDay, DayKind

HOURS = "hours"
WORKING_DAYS = "working_days"

_CACHE_SECONDS = 60.0
_cache_lock = Lock()
_cache: tuple[float, frozenset[date], frozenset[date]] | None = None


def _exceptions() -> tuple[frozenset[date], frozenset[date]]:
    """Holidays and make-up workdays, cached briefly so an admin's edit shows within a minute."""
    global _cache
    with _cache_lock:
        if _cache is not None and time.monotonic() - _cache[0] < _CACHE_SECONDS:
            return _cache[1], _cache[2]
        rows = list(CalendarDay.objects.values_list("date", "kind"))
        holidays = frozenset(d for d, kind in rows if kind == DayKind.HOLIDAY)
        workdays = frozenset(d for d, kind in rows if kind == DayKind.WORKDAY)
        _cache = (time.monotonic(), holidays, workdays)
        return holidays, workdays


def forget_cached_calendar() -> None:
    global _cache
    with _cache_lock:
        _cache = None


def is_working_day(day: date) -> bool:
    holidays, workdays = _exceptions()
    if day in workdays:
        return True
    if day in holidays:
        return False
    return day.weekday() < 5


def add_working_days(start: datetime, days: int) -> datetime:
    if days < 1:
        raise ValueError("a working-day limit must be at least one day")
    day = timezone.localtime(start).date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return datetime(
        day.year, day.month, day.day, 23, 59, 59, tzinfo=timezone.get_current_timezone()
    )


def deadline(start: datetime, amount: int, unit: str) -> datetime:
    """The moment a limit of ``amount`` ``unit`` (hours or working days) runs out."""
    if unit == HOURS:
        return start + timedelta(hours=amount)
    if unit == WORKING_DAYS:
        return add_working_days(start, amount)
    raise ValueError(f"unknown time-limit unit {unit!r}")
