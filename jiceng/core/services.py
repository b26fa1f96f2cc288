"""Writes of the core app: the holiday calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core.calendar import known_days
from jiceng.core.calendar_file.days import Day
from jiceng.core.errors import InvalidInput
from jiceng.core.models import CalendarDay, DayKind


@dataclass
class CalendarChanges:
    """What an import did, day by day: added, removed and changed (before, after)."""

    years: list[int]
    added: list[Day] = field(default_factory=list)
    removed: list[Day] = field(default_factory=list)
    changed: list[tuple[Day, Day]] = field(default_factory=list)
    unchanged: int = 0

    def lines(self) -> list[str]:
        out = [f"+ {_describe(day)}" for day in self.added]
        out += [f"- {_describe(day)}" for day in self.removed]
        out += [f"~ {_describe(old)} → {_changed(old, new)}" for old, new in self.changed]
        return sorted(out, key=lambda line: line[2:12])

    def summary(self) -> str:
        return _(
            "Calendar %(years)s: %(added)d days added, %(removed)d removed, %(changed)d changed,"
            " %(unchanged)d unchanged."
        ) % {
            "years": ", ".join(str(year) for year in self.years),
            "added": len(self.added),
            "removed": len(self.removed),
            "changed": len(self.changed),
            "unchanged": self.unchanged,
        }


def _describe(day: Day) -> str:
    parts = [day.date.isoformat(), str(DayKind(day.kind).label), day.name]
    if day.provisional:
        parts.append(_("(provisional)"))
    return " ".join(parts)


def _changed(old: Day, new: Day) -> str:
    if old.source == new.source:
        return _describe(new)
    return _("%(day)s (source: %(source)s)") % {"day": _describe(new), "source": new.source}


def _as_day(row: CalendarDay) -> Day:
    return Day(row.date, row.kind, row.name, row.provisional, row.source)


def calendar_import(*, days: Sequence[Day]) -> CalendarChanges:
    """Replace every day of the years in ``days`` with ``days``, in one transaction.

    A year's days are replaced whole, so loading the State Council's notice over a
    provisional year leaves nothing provisional behind.
    """
    if not days:
        raise InvalidInput(_("The file has no days."), field="file")
    dates = [day.date for day in days]
    if len(set(dates)) != len(dates):
        raise InvalidInput(_("A day is listed twice."), field="date")
    years = sorted({day.year for day in dates})
    new = {day.date: day for day in days}
    with transaction.atomic():
        stored = CalendarDay.objects.select_for_update().filter(date__year__in=years)
        old = {row.date: _as_day(row) for row in stored}
        changes = _compare(years, old, new)
        _apply(changes)
    known_days.forget()
    return changes


def _compare(years: list[int], old: dict[date, Day], new: dict[date, Day]) -> CalendarChanges:
    changes = CalendarChanges(years=years)
    for day in sorted(old.keys() | new.keys()):
        before, after = old.get(day), new.get(day)
        if before is None and after is not None:
            changes.added.append(after)
        elif after is None and before is not None:
            changes.removed.append(before)
        elif before != after and before is not None and after is not None:
            changes.changed.append((before, after))
        else:
            changes.unchanged += 1
    return changes


def _apply(changes: CalendarChanges) -> None:
    CalendarDay.objects.filter(date__in=[day.date for day in changes.removed]).delete()
    for _old, day in changes.changed:
        CalendarDay.objects.filter(date=day.date).update(
            kind=day.kind, name=day.name, provisional=day.provisional, source=day.source
        )
    CalendarDay.objects.bulk_create(
        CalendarDay(
            date=day.date,
            kind=day.kind,
            name=day.name,
            provisional=day.provisional,
            source=day.source,
        )
        for day in changes.added
    )
