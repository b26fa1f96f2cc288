"""Paths and readers shared by the text-mining benchmarks (not a benchmark itself)."""

from __future__ import annotations

import csv
import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO_ROOT))

TEDDY = (
    Path(os.environ.get("JICENG_SHARED_DATA", REPO_ROOT.parent / "shared" / "data")) / "teddy2020"
)


def rows(name: str) -> list[dict[str, str]]:
    path = TEDDY / name
    if not path.is_file():
        sys.exit(f"{path} not found: set JICENG_SHARED_DATA to the shared data folder")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def raw_text(row: dict[str, str]) -> str:
    return row["留言主题"] + "\n" + row["留言详情"]


def descriptions() -> list[tuple[str, str]]:
    """The category system (附件1) as (sub-category names, top-level label) pairs."""
    from jiceng.textmining.cli.labelled import label_descriptions

    return label_descriptions(TEDDY / "taxonomy_附件1.csv")
