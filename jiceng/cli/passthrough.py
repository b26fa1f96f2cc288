"""``jiceng manage`` and ``jiceng textmining``: everything after the word is passed through."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_manage(args: argparse.Namespace) -> int:
    setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["jiceng manage", *args.rest])
    return 0


def cmd_textmining(args: argparse.Namespace) -> int:
    if args.rest[:1] == ["retrain"]:
        # The one text-mining command that reads the database; the library has no Django.
        from django.apps import apps

        if not apps.ready:  # called in-process (tests, scripts) Django is already set up
            setup()
        from jiceng.cases.training import main as retrain_main

        return retrain_main(args.rest[1:])
    from jiceng.textmining.cli import main as textmining_main

    return textmining_main(args.rest)


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
