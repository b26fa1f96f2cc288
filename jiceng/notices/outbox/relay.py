"""The outbox relay that ``jiceng worker`` runs in a thread."""

from __future__ import annotations

import threading

from django.conf import settings


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
