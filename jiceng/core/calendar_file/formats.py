"""The rows of a CSV or JSON calendar file, each with where it is, before they are checked."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.days import FIELDS, REQUIRED, text_of
from jiceng.core.calendar_file.errors import FIRST_LINE, RowError, Where

Rows = list[tuple[Where, Mapping[str, Any]]]


def rows_of(path: Path) -> tuple[Rows, list[RowError]]:
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
        source = text_of(data.get("source"))
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
