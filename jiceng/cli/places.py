"""``jiceng import-divisions`` and ``jiceng setup-units``: the places served and their units."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_import_divisions(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.errors import InvalidInput
    from jiceng.places.importer import import_divisions

    try:
        report = import_divisions(Path(args.file), scope=args.scope)
    except InvalidInput as error:
        print(error.message, file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def cmd_setup_units(args: argparse.Namespace) -> int:
    setup()
    from jiceng.people.units import ensure_units

    if not (args.code.isdigit() and 2 <= len(args.code) <= 12):
        print("CODE must be a division code prefix of 2 to 12 digits, e.g. 330681", file=sys.stderr)
        return 2
    print(f"{ensure_units(args.code)} units created")
    return 0


def add_import_divisions(add: Add) -> None:
    imp = add(
        "import-divisions", cmd_import_divisions, "Import an NBS division CSV (plain or gzip)"
    )
    imp.add_argument("file")
    imp.add_argument("--scope", default=None, help="only codes starting with this prefix")


def add_setup_units(add: Add) -> None:
    units = add(
        "setup-units",
        cmd_setup_units,
        "Create the units of the divisions under CODE: each county's government and dispatch"
        " centre, township governments, village committees",
    )
    units.add_argument("code", help="a division code or prefix, e.g. 330681 (a county you serve)")
