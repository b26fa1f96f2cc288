"""A table as CSV: UTF-8 with a byte-order mark, so that Excel reads the Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from jiceng.core.exports.cells import (
    DECIMAL,
    PERCENT,
    CellValue,
    Column,
    cell_text,
    is_number,
    neutralise,
)


def _csv_cell(value: CellValue, kind: str) -> str | int | float:
    if value is None:
        return ""
    if is_number(value):
        assert isinstance(value, int | float)
        if kind == PERCENT:
            return f"{value * 100:.1f}%"
        return f"{value:.1f}" if kind == DECIMAL else value
    return cell_text(value)


def csv_bytes(*, columns: Sequence[Column], rows: Sequence[Sequence[CellValue]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Chinese text correctly."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in columns])
    for row in rows:
        writer.writerow([_csv_cell(v, c.kind) for v, c in zip(row, columns, strict=True)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
