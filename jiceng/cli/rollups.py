"""``jiceng rollups rebuild | refresh | check``: the rate rollups (jiceng.insights.rollups)."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def _months(text: str | None) -> list[date] | None:
    """``--month YYYY-MM`` as a one-month list; None when not given. Exits on a bad value."""
    if text is None:
        return None
    found = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if found is None or not 1 <= int(found[2]) <= 12:
        print("--month must be year-month, e.g. 2026-03", file=sys.stderr)
        raise SystemExit(2)
    return [date(int(found[1]), int(found[2]), 1)]


def _area(text: str | None) -> str:
    if text and not text.isdigit():
        print("--area must be a division code of digits, e.g. 330681", file=sys.stderr)
        raise SystemExit(2)
    return text or ""


def cmd_rebuild(args: argparse.Namespace) -> int:
    months, within = _months(args.month), _area(args.area)
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


def cmd_check(args: argparse.Namespace) -> int:
    months, within = _months(args.month), _area(args.area)
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


def add_rollups(add: Add) -> None:
    rollups = add("rollups", lambda _args: 2, "Rebuild or check the rate rollups")
    sub = rollups.add_subparsers(dest="action", required=True)
    for name, run, help_ in (
        ("rebuild", cmd_rebuild, "Recount the cells of whole months from the events"),
        ("refresh", cmd_refresh, "Recount what changed since the last run (the worker's job)"),
        ("check", cmd_check, "Compare the cells with a full recount; non-zero if they differ"),
    ):
        action = sub.add_parser(name, help=help_, description=help_)
        action.set_defaults(func=run)
        if name != "refresh":
            action.add_argument("--area", metavar="CODE", help="only units under this code")
            action.add_argument("--month", metavar="YYYY-MM", help="only this month")
    sub.choices["check"].add_argument(
        "--as-stored", action="store_true", help="compare without catching up first"
    )
