"""``jiceng setup-units``: the units of the places served."""

from __future__ import annotations

import argparse
import sys

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_setup_units(args: argparse.Namespace) -> int:
    setup()
    from jiceng.people.units import ensure_units

    if not (args.code.isdigit() and 2 <= len(args.code) <= 12):
        print("CODE must be a division code prefix of 2 to 12 digits, e.g. 330681", file=sys.stderr)
        return 2
    print(f"{ensure_units(args.code)} units created")
    return 0


def add_setup_units(add: Add) -> None:
    units = add(
        "setup-units",
        cmd_setup_units,
        "Create the units of the divisions under CODE: each county's government and dispatch"
        " centre, township governments, village committees",
    )
    units.add_argument("code", help="a division code or prefix, e.g. 330681 (a county you serve)")
