"""A table as an Excel workbook: a bold header, number formats by column, safe sheet titles."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from jiceng.core.exports.cells import (
    DECIMAL,
    INTEGER,
    PERCENT,
    TEXT,
    CellValue,
    Column,
    cell_text,
    is_number,
)

XLSX_FORMATS = {PERCENT: "0.0%", DECIMAL: "0.0", INTEGER: "0"}

SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")


def _write_cell(sheet: Worksheet, row: int, col: int, value: CellValue, kind: str) -> None:
    cell = sheet.cell(row=row, column=col)
    if value is None:
        return
    if is_number(value):
        cell.value = value
        cell.number_format = XLSX_FORMATS.get(kind, "General")
        return
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", cell_text(value))
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
