"""One row of a calendar file checked field by field, and made a day."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.errors import RowError, Where
from jiceng.core.calendar_file.values import flag_of, text_of
from jiceng.core.models import CalendarDay, DayKind

FIELDS = ("date", "kind", "name", "provisional", "source")
REQUIRED = ("date", "kind", "name")
NAME_MAX_LENGTH = CalendarDay._meta.get_field("name").max_length or 50
SOURCE_MAX_LENGTH = CalendarDay._meta.get_field("source").max_length or 200
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Day:
    date: date
    kind: str
    name: str
    provisional: bool
    source: str


def day_of(
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
    kind = text_of(row.get("kind")).lower()
    if kind not in DayKind.values:
        yield "kind", _("Expected holiday or workday.")
    name = text_of(row.get("name"))
    if not name:
        yield "name", _("Enter the name of the holiday, for example Spring Festival.")
    elif len(name) > NAME_MAX_LENGTH:
        yield "name", _("At most %(count)d characters.") % {"count": NAME_MAX_LENGTH}
    if flag_of(row.get("provisional")) is None:
        yield "provisional", _("Expected true or false.")
    if len(text_of(row.get("source"))) > SOURCE_MAX_LENGTH:
        yield "source", _("At most %(count)d characters.") % {"count": SOURCE_MAX_LENGTH}


def _date_problem(value: Any) -> str:
    expected = _("Enter a date as year-month-day, for example 2027-01-01.")
    text = text_of(value)
    if not ISO_DATE.fullmatch(text):
        return expected
    try:
        date.fromisoformat(text)
    except ValueError:
        return _("%(value)s is not a day of the calendar.") % {"value": text}
    return ""


def _build(row: Mapping[str, Any], *, default_source: str) -> Day:
    return Day(
        date=date.fromisoformat(text_of(row["date"])),
        kind=text_of(row["kind"]).lower(),
        name=text_of(row["name"]),
        provisional=bool(flag_of(row.get("provisional"))),
        source=text_of(row.get("source")) or default_source,
    )
