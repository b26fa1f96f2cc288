"""``jiceng calendar import FILE`` and ``jiceng calendar show [--year Y]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from jiceng.core.calendar_import_cli import calendar_import_file
from jiceng.core.calendar_show_cli import calendar_show


def add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", required=True)
    load = actions.add_parser(
        "import",
        help="replace the years in FILE with its days (CSV or JSON: date,kind,name[,provisional])",
    )
    load.add_argument("file")
    show = actions.add_parser("show", help="list a year's holidays and make-up workdays")
    show.add_argument("--year", type=int, default=None, help="default: this year")


def run(args: argparse.Namespace) -> int:
    if args.action == "import":
        return calendar_import_file(Path(args.file))
    return calendar_show(args.year)
