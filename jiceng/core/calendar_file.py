"""Read a holiday calendar file (CSV or JSON) and check every row before anything is written.

CSV: a header line ``date,kind,name`` with optional ``provisional`` and ``source``
columns, then one day per line. JSON: a list of objects with the same keys, or an
object ``{"source": "...", "days": [...]}``. ``kind`` is ``holiday`` (a statutory
rest day) or ``workday`` (a make-up workday on a weekend); ``provisional`` is
true/false (default false). Every bad row is reported with its line (CSV) or entry
number (JSON) and field; a file with any error is refused whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput
from jiceng.core.models import CalendarDay, DayKind

FIELDS = ("date", "kind", "name", "provisional", "source")
REQUIRED = ("date", "kind", "name")
NAME_MAX_LENGTH = CalendarDay._meta.get_field("name").max_length or 50
SOURCE_MAX_LENGTH = CalendarDay._meta.get_field("source").max_length or 200
TRUE = {"true", "yes", "1", "是"}
FALSE = {"false", "no", "0", "否", ""}
MAX_LISTED_ERRORS = 50
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Day:
    date: date
    kind: str
    name: str
    provisional: bool
    source: str


@dataclass(frozen=True)
class Where:
    """A line of a CSV file, or an entry (counted from 1) of a JSON list."""

    number: int
    entry: bool = False

    def __str__(self) -> str:
        if self.entry:
            return _("entry %(number)d") % {"number": self.number}
        return _("line %(line)d") % {"line": self.number}


FIRST_LINE = Where(1)


@dataclass(frozen=True)
class RowError:
    where: Where
    field: str
    message: str

    def __str__(self) -> str:
        n, field, message = self.where.number, self.field, self.message
        values = {"line": n, "number": n, "column": field, "field": field, "message": message}
        if self.where.entry and field:
            return _("entry %(number)d, %(field)s: %(message)s") % values
        if self.where.entry:
            return _("entry %(number)d: %(message)s") % values
        if field:
            return _("line %(line)d, %(column)s: %(message)s") % values
        return _("line %(line)d: %(message)s") % values


class CalendarFileError(InvalidInput):
    """The file has bad rows, all listed in ``errors``; nothing was imported."""

    def __init__(self, errors: list[RowError], *, name: str) -> None:
        self.errors = errors
        head = ngettext(
            "%(file)s has %(count)d error; nothing was imported.",
            "%(file)s has %(count)d errors; nothing was imported.",
            len(errors),
        ) % {"file": name, "count": len(errors)}
        lines = [head, *(f"  {error}" for error in errors[:MAX_LISTED_ERRORS])]
        if len(errors) > MAX_LISTED_ERRORS:
            more = len(errors) - MAX_LISTED_ERRORS
            lines.append("  " + _("… and %(count)d more.") % {"count": more})
        super().__init__("\n".join(lines), field="file")


def read_calendar_file(path: Path) -> list[Day]:
    """The days of ``path``, or :class:`CalendarFileError` naming every bad row."""
    rows, errors = _rows(path)
    days: list[Day] = []
    seen: dict[date, Where] = {}
    for where, row in rows:
        day, row_errors = _day(where, row, default_source=path.name)
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


Rows = list[tuple[Where, Mapping[str, Any]]]


def _rows(path: Path) -> tuple[Rows, list[RowError]]:
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        return [], [RowError(FIRST_LINE, "", _("Expected a .csv or .json file."))]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        message = _("Cannot read the file as UTF-8 text: %(error)s") % {"error": error}
        return [], [RowError(FIRST_LINE, "", message)]
    return _csv_rows(text) if suffix == ".csv" else _json_rows(text)


def _csv_rows(text: str) -> tuple[Rows, list[RowError]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    problems = _header_problems(header)
    if problems:
        return [], [RowError(FIRST_LINE, "", problem) for problem in problems]
    reader.fieldnames = header
    rows: Rows = []
    errors: list[RowError] = []
    for record in reader:
        # The line where the record ends: a quoted name may span lines.
        where = Where(reader.line_num)
        if None in record:
            errors.append(RowError(where, "", _("More values than the header has columns.")))
        elif any((value or "").strip() for value in record.values()):
            rows.append((where, record))
    return rows, errors


def _header_problems(header: list[str]) -> list[str]:
    problems = []
    missing = [name for name in REQUIRED if name not in header]
    unknown = [name for name in header if name not in FIELDS]
    if missing:
        problems.append(
            _("The header must name the columns %(required)s; missing: %(missing)s.")
            % {"required": ", ".join(REQUIRED), "missing": ", ".join(missing)}
        )
    if unknown:
        problems.append(
            _("Unknown columns %(unknown)s; the columns are %(fields)s.")
            % {"unknown": ", ".join(unknown), "fields": ", ".join(FIELDS)}
        )
    return problems


def _json_rows(text: str) -> tuple[Rows, list[RowError]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [], [
            RowError(Where(error.lineno), "", _("Not valid JSON: %(error)s") % {"error": error.msg})
        ]
    source = ""
    if isinstance(data, dict):
        source = _text(data.get("source"))
        data = data.get("days")
    if not isinstance(data, list):
        message = _('Expected a list of days, or an object with a "days" list.')
        return [], [RowError(FIRST_LINE, "", message)]
    rows: Rows = []
    errors: list[RowError] = []
    for number, entry in enumerate(data, start=1):
        where = Where(number, entry=True)
        if not isinstance(entry, dict):
            message = _('Expected an object with "date", "kind" and "name".')
            errors.append(RowError(where, "", message))
        else:
            rows.append((where, {"source": source, **entry} if source else entry))
    return rows, errors


def _day(
    where: Where, row: Mapping[str, Any], *, default_source: str
) -> tuple[Day | None, list[RowError]]:
    unknown = _("Unknown field; the fields are %(fields)s.") % {"fields": ", ".join(FIELDS)}
    errors = [RowError(where, field, unknown) for field in row if field not in FIELDS]
    checked = dict(_checked_fields(row))
    errors += [RowError(where, field, message) for field, message in checked.items() if message]
    if errors:
        return None, errors
    day = _build(row, default_source=default_source)
    if day.kind == DayKind.WORKDAY and day.date.weekday() < 5:
        message = _("A make-up workday falls on a Saturday or Sunday; %(date)s is a weekday.")
        return None, [RowError(where, "kind", message % {"date": day.date})]
    return day, []


def _checked_fields(row: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    yield "date", _date_problem(row.get("date"))
    kind = _text(row.get("kind")).lower()
    if kind not in DayKind.values:
        yield "kind", _("Expected holiday or workday.")
    name = _text(row.get("name"))
    if not name:
        yield "name", _("Enter the name of the holiday, for example 春节.")
    elif len(name) > NAME_MAX_LENGTH:
        yield "name", _("At most %(count)d characters.") % {"count": NAME_MAX_LENGTH}
    if _flag(row.get("provisional")) is None:
        yield "provisional", _("Expected true or false.")
    if len(_text(row.get("source"))) > SOURCE_MAX_LENGTH:
        yield "source", _("At most %(count)d characters.") % {"count": SOURCE_MAX_LENGTH}


def _date_problem(value: Any) -> str:
    expected = _("Enter a date as year-month-day, for example 2027-01-01.")
    text = _text(value)
    if not ISO_DATE.fullmatch(text):
        return expected
    try:
        date.fromisoformat(text)
    except ValueError:
        return _("%(value)s is not a day of the calendar.") % {"value": text}
    return ""


def _build(row: Mapping[str, Any], *, default_source: str) -> Day:
    return Day(
        date=date.fromisoformat(_text(row["date"])),
        kind=_text(row["kind"]).lower(),
        name=_text(row["name"]),
        provisional=bool(_flag(row.get("provisional"))),
        source=_text(row.get("source")) or default_source,
    )


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""  # a list, an object or null is no answer


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = _text(value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    return None
