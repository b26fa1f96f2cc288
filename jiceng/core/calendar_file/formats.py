"""The rows of a CSV or JSON calendar file, each with where it is, before they are checked."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.csv_rows import csv_rows
from jiceng.core.calendar_file.errors import FIRST_LINE, RowError, Rows
from jiceng.core.calendar_file.json_rows import json_rows


def rows_of(path: Path) -> tuple[Rows, list[RowError]]:
    suffix = path.suffix.lower()
    if suffix not in {".csv", ".json"}:
        return [], [RowError(FIRST_LINE, "", _("Expected a .csv or .json file."))]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        message = _("Cannot read the file as UTF-8 text: %(error)s") % {"error": error}
        return [], [RowError(FIRST_LINE, "", message)]
    return csv_rows(text) if suffix == ".csv" else json_rows(text)
