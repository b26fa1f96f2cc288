"""What every command shares: input errors, column lists, JSON output, input texts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from jiceng.textmining.table import read_table


class InputError(ValueError):
    """Input the user can fix; reported without a traceback."""


def columns(value: str) -> list[str]:
    columns = [c.strip() for c in value.split(",") if c.strip()]
    if not columns:
        raise argparse.ArgumentTypeError("expected one or more column names separated by commas")
    return columns


def emit(result: Any) -> None:
    print(json.dumps(result, ensure_ascii=False))


def stdin_text() -> str:
    text = sys.stdin.read()
    if not text.strip():
        raise InputError("no text on standard input")
    return text


def file_texts(paths: list[Path], names: list[str]) -> list[str]:
    """The non-blank texts of every row of the CSV files (columns ``names`` joined)."""
    texts = [t for p in paths for t in read_table(p, names).texts(names) if t.strip()]
    if not texts:
        raise InputError("no text in the input files")
    return texts
