"""``jiceng notices``: drain the outbox by hand, send the digests, list the SMS templates."""

from __future__ import annotations

import argparse
import threading


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    drain = sub.add_parser("drain", help="send the messages that are due")
    drain.add_argument(
        "--loop", action="store_true", help="keep draining every JICENG_OUTBOX_POLL_SECONDS"
    )
    sub.add_parser("digest", help="write the dispatch centres' and staff's digests once")
    sub.add_parser("templates", help="print the SMS templates to register with a gateway")


def run(args: argparse.Namespace) -> int:
    from jiceng.notices.outbox import draining
    from jiceng.notices.outbox.relay import drain_forever
    from jiceng.notices.templates.table import markdown_table

    if args.action == "templates":
        print(markdown_table(), end="")
        return 0
    if args.action == "digest":
        from jiceng.notices.digests.running import run_digests

        print(run_digests().summary())
        return 0
    if args.loop:
        drain_forever(threading.Event())
        return 0
    print(draining.drain_all().summary())
    return 0
