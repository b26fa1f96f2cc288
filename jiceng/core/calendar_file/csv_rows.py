"""The rows of a CSV calendar file, after its header is checked."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from jiceng.core.calendar_file.csv_header import header_problems
from jiceng.core.calendar_file.errors import FIRST_LINE, RowError, Rows, Where


def csv_rows(text: str) -> tuple[Rows, list[RowError]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [(name or "").strip().lower() for name in reader.fieldnames or []]
    problems = header_problems(header)
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
