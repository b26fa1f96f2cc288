"""``jiceng manage`` and ``jiceng textmining``: everything after the word is passed through."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add
from jiceng.cli.textmining import cmd_textmining


def cmd_manage(args: argparse.Namespace) -> int:
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jiceng manage", *args.rest])
    return 0


def add_passthrough(add: Add) -> None:
    for name, func, help_ in (
        ("manage", cmd_manage, "Run a Django management command"),
        (
            "textmining",
            cmd_textmining,
            "Text intelligence: train, evaluate, classify, hot-issues, check-spam",
        ),
    ):
        passthrough = add(name, func, help_)
        passthrough.add_argument("rest", nargs=argparse.REMAINDER)
