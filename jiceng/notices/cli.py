"""``jiceng notices``: drain the outbox by hand, send the digests, list the SMS templates."""

from __future__ import annotations

import argparse
import threading

from django.conf import settings


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
    from jiceng.notices.templates.wording import markdown_table

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


def drain_forever(stop: threading.Event) -> None:
    """The outbox relay of ``jiceng worker``: drain, wait a poll interval, again.

    Called directly rather than enqueued as a task: a message is due within seconds, and
    a queued task every few seconds would fill the task table with nothing to show.
    """
    from jiceng.core import schedule
    from jiceng.notices.outbox import draining

    schedule.run_every(
        name="outbox",
        minutes=settings.JICENG_OUTBOX_POLL_SECONDS / 60,
        job=draining.drain_all,
        stop=stop,
    )
