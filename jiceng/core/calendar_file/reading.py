"""Reading a calendar file whole: every row checked, duplicates found, or nothing at all."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.days import Day, day_of
from jiceng.core.calendar_file.errors import FIRST_LINE, CalendarFileError, RowError, Where
from jiceng.core.calendar_file.formats import rows_of


def read_calendar_file(path: Path) -> list[Day]:
    """The days of ``path``, or :class:`CalendarFileError` naming every bad row."""
    rows, errors = rows_of(path)
    days: list[Day] = []
    seen: dict[date, Where] = {}
    for where, row in rows:
        day, row_errors = day_of(where, row, default_source=path.name)
        if day is not None and day.date in seen:
            # Translators: where is "line 2" (a CSV file) or "entry 2" (a JSON list).
            message = _("%(date)s is already in the file (%(where)s).")
            row_errors.append(
                RowError(where, "date", message % {"date": day.date, "where": str(seen[day.date])})
            )
        errors.extend(row_errors)
        if day is not None and not row_errors:
            seen[day.date] = where
            days.append(day)
    if not rows and not errors:
        errors.append(RowError(FIRST_LINE, "", _("The file has no days.")))
    if errors:
        raise CalendarFileError(errors, name=path.name)
    return days
