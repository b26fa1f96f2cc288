"""``check-spam``: judge the text on standard input."""

from __future__ import annotations

import argparse
from typing import Any

from jiceng.textmining.cli.common import emit, stdin_text
from jiceng.textmining.spam import check_spam


def _check_spam(args: argparse.Namespace) -> int:
    emit(check_spam(stdin_text()).as_json())
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser("check-spam", help="judge the text on standard input")
    p.set_defaults(run=_check_spam)
