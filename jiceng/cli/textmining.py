"""``jiceng textmining``: the text-mining library's own command; ``retrain`` reads the database."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup


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
