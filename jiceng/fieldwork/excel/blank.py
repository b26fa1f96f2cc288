"""An empty roster under the template's headers: the download, and a workbook for tests."""

from __future__ import annotations

import io

from jiceng.core.exports import Column, xlsx_bytes
from jiceng.fieldwork.excel.roster import HEADERS


def template_bytes() -> bytes:
    return xlsx_bytes(title="花名册", columns=[Column(h) for h in HEADERS], rows=[])


def workbook(rows: list[list[object]]) -> io.BytesIO:
    """An .xlsx roster from rows under the template headers (for tests and tools)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out
