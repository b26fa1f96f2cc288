"""Cell kinds, the column type, and a cell's text made safe for a spreadsheet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

TEXT = "text"
INTEGER = "integer"
PERCENT = "percent"  # a fraction 0..1, shown as a percentage with one decimal
DECIMAL = "decimal"  # shown with one decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CellValue = str | int | float | date | None


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT


def neutralise(text: str) -> str:
    """Text a spreadsheet will show as text, never evaluate."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def is_number(value: CellValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def cell_text(value: CellValue) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return neutralise(str(value))
