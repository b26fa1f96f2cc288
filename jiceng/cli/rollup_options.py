"""The rollups commands' ``--month`` and ``--area`` values, checked before anything starts."""

from __future__ import annotations

import re
import sys
from datetime import date


def months_option(text: str | None) -> list[date] | None:
    """``--month YYYY-MM`` as a one-month list; None when not given. Exits on a bad value."""
    if text is None:
        return None
    found = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if found is None or not 1 <= int(found[2]) <= 12:
        print("--month must be year-month, e.g. 2026-03", file=sys.stderr)
        raise SystemExit(2)
    return [date(int(found[1]), int(found[2]), 1)]


def area_option(text: str | None) -> str:
    if text and not text.isdigit():
        print("--area must be a division code of digits, e.g. 330681", file=sys.stderr)
        raise SystemExit(2)
    return text or ""
