"""Deadline arithmetic: calendar hours, or working days with China's holiday calendar.

A working day is Monday–Friday unless it is a statutory holiday, plus any
make-up workday (调休上班) on a weekend. A limit of N working days ends at the
close (23:59:59 local time) of the N-th working day after the day the clock
starts; a clock that starts on a rest day therefore loses nothing.

The days are read from ``CalendarDay`` and kept for a minute in each process, so
an edit in the admin or a ``jiceng calendar import`` reaches every deadline
computed after that minute (at once in the process that made it). A year
without days counts every weekday as a working day, holidays included, so
:func:`missing_year_warning` says when this year, or from 1 October the next
one, is missing or only provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core.memo import memo
from jiceng.core.models import CalendarDay, DayKind

HOURS = "hours"
WORKING_DAYS = "working_days"

CACHE_SECONDS = 60.0
# From this day of the year on, next year's calendar should be loaded: the State
# Council's notice usually comes out in November or December.
NEXT_YEAR_DUE = (10, 1)


@dataclass(frozen=True)
class _Days:
    holidays: frozenset[date]
    workdays: frozenset[date]
    years: frozenset[int]
    provisional_years: frozenset[int]


@memo("core.calendar", seconds=CACHE_SECONDS)
def known_days() -> _Days:
    """Holidays and make-up workdays, kept briefly so an admin's edit shows within a minute.

    Whoever changes the days calls ``known_days.forget()`` so that this process sees
    them at once.
    """
    rows = list(CalendarDay.objects.values_list("date", "kind", "provisional"))
    return _Days(
        holidays=frozenset(d for d, kind, _p in rows if kind == DayKind.HOLIDAY),
        workdays=frozenset(d for d, kind, _p in rows if kind == DayKind.WORKDAY),
        years=frozenset(d.year for d, _k, _p in rows),
        provisional_years=frozenset(d.year for d, _k, provisional in rows if provisional),
    )


def is_working_day(day: date) -> bool:
    days = known_days()
    if day in days.workdays:
        return True
    if day in days.holidays:
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


def days_of_year(year: int) -> list[CalendarDay]:
    """The stored exceptions of ``year``, in date order."""
    return list(CalendarDay.objects.filter(date__year=year).order_by("date"))


def missing_year_warning(today: date) -> str | None:
    """What is wrong with this year's or (from 1 October) next year's days, if anything.

    A year is settled when it has days and none of them is provisional. This year
    comes first: its deadlines are being computed now.
    """
    days = known_days()
    checked = [today.year]
    if (today.month, today.day) >= NEXT_YEAR_DUE:
        checked.append(today.year + 1)
    for year in checked:
        if year not in days.years:
            return _missing_message(year, current=year == today.year)
        if year in days.provisional_years:
            return _provisional_message(year)
    return None


def _missing_message(year: int, *, current: bool) -> str:
    if current:
        return _(
            "The holiday calendar has no days for %(year)d: deadlines in working days count"
            " every Monday to Friday as a working day, public holidays included. Load the"
            " State Council's holiday notice for %(year)d now (jiceng calendar import, or the"
            " admin's calendar days)."
        ) % {"year": year}
    return _(
        "The holiday calendar has no days for %(year)d yet: deadlines that run into %(year)d"
        " will count public holidays as working days. Load the State Council's holiday notice"
        " for %(year)d when it is published (jiceng calendar import, or the admin's calendar"
        " days)."
    ) % {"year": year}


def _provisional_message(year: int) -> str:
    return _(
        "The holiday calendar for %(year)d is provisional: it has only the dates the law fixes,"
        " without the make-up workdays and extra rest days of the State Council's notice."
        " Replace it with the notice for %(year)d (jiceng calendar import)."
    ) % {"year": year}
