"""``jiceng partitions``: the month partitions of the case history (docs/partitions.md)."""

from __future__ import annotations

import argparse
import sys

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_partitions(args: argparse.Namespace) -> int:
    setup()
    from jiceng.cases.partitions import Month, NotPartitioned, detach, ensure
    from jiceng.cases.partitions.detach import CannotDetach
    from jiceng.cases.partitions.listing import describe

    try:
        if args.action == "ensure":
            since = Month.parse(args.since) if args.since else None
            made = ensure(months_ahead=args.months_ahead, since=since)
            print("made " + ", ".join(made) if made else "every month partition is there")
        elif args.action == "detach":
            archived = detach(Month.parse(args.month))
            print(
                f"detached {archived.event_table} ({archived.events} events) and "
                f"{archived.rating_table} ({archived.ratings} ratings): dump, check and drop "
                "them as docs/partitions.md says"
            )
        else:
            print("\n".join(describe()))
    except (NotPartitioned, CannotDetach, ValueError) as reason:
        print(f"partitions {args.action}: {reason}", file=sys.stderr)
        return 2
    return 0


def add_partitions(add: Add) -> None:
    command = add(
        "partitions", cmd_partitions, "Make, list or detach month partitions (PostgreSQL)"
    )
    actions = command.add_subparsers(dest="action", required=True)
    ensure = actions.add_parser("ensure", help="make the month partitions ahead of time")
    ensure.add_argument("--months-ahead", type=int, default=3, metavar="N")
    ensure.add_argument("--from", dest="since", metavar="YYYY-MM", help="also past months")
    detach = actions.add_parser("detach", help="take the oldest month out, to be archived")
    detach.add_argument("month", metavar="YYYY-MM")
    actions.add_parser("list", help="the partitions, their rows and the archived months")
