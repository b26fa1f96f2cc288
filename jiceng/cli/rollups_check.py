"""``jiceng rollups check``: the cells compared with a full recount; non-zero if they differ."""

from __future__ import annotations

import argparse
import sys

from jiceng.cli.boot import setup
from jiceng.cli.rollup_options import area_option, months_option


def cmd_check(args: argparse.Namespace) -> int:
    months, within = months_option(args.month), area_option(args.area)
    setup()
    from jiceng.insights.rollups.check import differences, rolled_up
    from jiceng.insights.rollups.refresh import refresh

    if not args.as_stored:
        print(f"caught up first: refreshed {refresh()} cells")
    chosen = rolled_up(months)
    found = 0
    for difference in differences(months=chosen, within=within):
        found += 1
        print(difference.describe())
    if found:
        print(f"rollups check FAILED: {found} cell(s) differ from a recount", file=sys.stderr)
        return 1
    print(f"rollups check passed: {len(chosen)} month(s) equal a full recount")
    return 0
