"""Tables out to Excel (.xlsx) and CSV, safe to open in a spreadsheet.

Text that a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading ``'`` so it
stays text: a resident's title like ``=HYPERLINK(...)`` must never run on a
cadre's computer (OWASP "CSV injection"). Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

TEXT = "text"
INTEGER = "integer"
PERCENT = "percent"  # a fraction 0..1, shown as a percentage with one decimal
DECIMAL = "decimal"  # shown with one decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_FORMATS = {PERCENT: "0.0%", DECIMAL: "0.0", INTEGER: "0"}
SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")

CellValue = str | int | float | date | None


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


def neutralise(text: str) -> str:
    """Text a spreadsheet will show as text, never evaluate."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _text(value: CellValue) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return neutralise(str(value))


def _csv_cell(value: CellValue, kind: str) -> str | int | float:
    if value is None:
        return ""
    if _is_number(value):
        assert isinstance(value, int | float)
        if kind == PERCENT:
            return f"{value * 100:.1f}%"
        return f"{value:.1f}" if kind == DECIMAL else value
    return _text(value)


def csv_bytes(*, columns: Sequence[Column], rows: Sequence[Sequence[CellValue]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Chinese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in columns])
    for row in rows:
        writer.writerow([_csv_cell(v, c.kind) for v, c in zip(row, columns, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _write_cell(sheet: Worksheet, row: int, col: int, value: CellValue, kind: str) -> None:
    cell = sheet.cell(row=row, column=col)
    if value is None:
        return
    if _is_number(value):
        cell.value = value
        cell.number_format = XLSX_FORMATS.get(kind, "General")
        return
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", _text(value))
    # Belt and braces: a string cell is never stored as a formula, whatever it starts with.
    cell.data_type = "s"


def sheet_title(title: str) -> str:
    return SHEET_TITLE_BAD.sub(" ", title).strip()[:31] or "Sheet"


def xlsx_bytes(
    *,
    title: str,
    columns: Sequence[Column],
    rows: Sequence[Sequence[CellValue]],
    heading: Sequence[str] = (),
) -> bytes:
    """``heading``: lines above the table (what, where, when), then a blank row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = sheet_title(title)
    for line, text in enumerate(heading, start=1):
        _write_cell(sheet, line, 1, text, TEXT)
        sheet.cell(row=line, column=1).font = Font(bold=line == 1)
    top = len(heading) + 2 if heading else 1
    for col, column in enumerate(columns, start=1):
        _write_cell(sheet, top, col, column.header, TEXT)
        sheet.cell(row=top, column=col).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(col)].width = max(10, len(column.header) * 2 + 2)
    for number, row in enumerate(rows, start=top + 1):
        for col, (value, column) in enumerate(zip(row, columns, strict=True), start=1):
            _write_cell(sheet, number, col, value, column.kind)
    sheet.freeze_panes = f"A{top + 1}"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
