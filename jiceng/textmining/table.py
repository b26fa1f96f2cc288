"""Reading the CSV exports that the text-mining commands work on.

Errors name the file and the column so that a cadre preparing an export can
fix it without reading a traceback.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path


class TableError(ValueError):
    """A CSV file that cannot be used as asked (missing, empty, wrong columns)."""


@dataclass(frozen=True)
class Table:
    path: Path
    columns: list[str]
    rows: list[dict[str, str]]

    def texts(self, columns: Sequence[str]) -> list[str]:
        """The given columns of each row joined by a space (title + body, say)."""
        return [" ".join(row.get(c) or "" for c in columns) for row in self.rows]

    def column(self, name: str) -> list[str]:
        return [(row.get(name) or "").strip() for row in self.rows]


def _decode(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Chinese Windows saves CSV in GB18030 (a superset of GBK).
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise TableError(f"{path}: not UTF-8 or GB18030 text") from exc


def read_table(path: str | Path, required: Sequence[str]) -> Table:
    """Read a CSV file with a header row and check that ``required`` columns exist."""
    path = Path(path)
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    # Message bodies can exceed the csv module's default 128 KiB field limit.
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(_decode(path), newline=""))
    columns = [c for c in reader.fieldnames or [] if c is not None]
    if not columns:
        raise TableError(f"{path}: empty file (no header row)")
    missing = [c for c in required if c not in columns]
    if missing:
        raise TableError(
            f"{path}: missing column(s) {', '.join(map(repr, missing))}; "
            f"the file has {', '.join(map(repr, columns))}"
        )
    rows = list(reader)
    if not rows:
        raise TableError(f"{path}: no data rows after the header")
    return Table(path=path, columns=columns, rows=rows)


# Hotline exports write local Beijing time without an offset; China has one
# time zone and no daylight saving, so a fixed +08:00 is exact.
CHINA_TZ = timezone(timedelta(hours=8), "CST")
_TIME = re.compile(
    r"^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"
    r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?\s*$"
)


def parse_time(value: str) -> datetime | None:
    """Parse "2019/2/28 11:25:05", "2019-02-28", ISO 8601 …; ``None`` if blank or unreadable.

    Times without an offset are taken as Beijing time.
    """
    match = _TIME.match(value or "")
    if match is None:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    tz = CHINA_TZ if offset is None else _offset(offset)
    try:
        return datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            tzinfo=tz,
        )
    except ValueError:
        return None


def _offset(text: str) -> timezone:
    if text == "Z":
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
