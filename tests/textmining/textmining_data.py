"""Readers for the shared Teddy Cup data used by the text-mining tests."""

from __future__ import annotations

import csv
import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def teddy_folder() -> Path:
    shared = Path(os.environ.get("JICENG_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
    return shared / "teddy2020"


def read_rows(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return rows[:limit] if limit else rows


def spread_slice(rows: list[dict[str, str]], size: int) -> list[dict[str, str]]:
    """Every n-th row, so a small slice still holds all categories."""
    step = max(len(rows) // size, 1)
    return rows[::step][:size]
