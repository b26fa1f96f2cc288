"""``jiceng rollups rebuild`` and ``refresh``: recounting the cells of the rate rollups."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup
from jiceng.cli.rollup_options import area_option, months_option


def cmd_rebuild(args: argparse.Namespace) -> int:
    months, within = months_option(args.month), area_option(args.area)
    setup()
    from jiceng.insights.rollups.refresh import months_with_work, rebuild

    written = rebuild(months=months, within=within)
    counted = len(months) if months is not None else len(months_with_work())
    print(f"rebuilt {written} cells over {counted} month(s) under '{within or 'everywhere'}'")
    return 0


def cmd_refresh(args: argparse.Namespace) -> int:
    setup()
    from jiceng.insights.rollups.refresh import refresh

    print(f"refreshed {refresh()} cells")
    return 0
