"""What every command shares: input errors, column lists, JSON output, standard input."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


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
