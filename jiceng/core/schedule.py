"""Periodic jobs of ``jiceng worker``: each runs in its own thread, every so many minutes."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable

from django.db import close_old_connections, connections

logger = logging.getLogger(__name__)

Job = Callable[[], object]


def run_every(*, name: str, minutes: float, job: Job, stop: threading.Event) -> None:
    """Run ``job`` now and then every ``minutes`` until ``stop`` is set.

    A failure (Redis down, the database locked) is logged and the job is tried again at
    the next tick: the schedule must outlive any one outage, since nothing restarts it.
    After each run the thread's database connections are dealt with as Django deals
    with a request's: one broken (the database restarted, a failover) or past
    ``CONN_MAX_AGE`` is closed, so the next run opens a new one. Without this a thread
    kept its broken connection, and its job failed at every tick until the worker was
    restarted (``tests/core/test_schedule.py``). Once stopped, it closes them.
    """
    while not stop.is_set():
        try:
            job()
        except Exception:
            logger.exception("Periodic job %s failed; it runs again in %s minutes", name, minutes)
        finally:
            close_old_connections()
        stop.wait(minutes * 60)
    connections.close_all()  # this thread's: a stopped schedule leaves no session behind


def start(
    entries: Iterable[tuple[str, float, Job]], stop: threading.Event
) -> list[threading.Thread]:
    """Start one daemon thread per ``(name, minutes, job)`` entry."""
    threads = []
    for name, minutes, job in entries:
        thread = threading.Thread(
            target=run_every,
            kwargs={"name": name, "minutes": minutes, "job": job, "stop": stop},
            daemon=True,
            name=name,
        )
        thread.start()
        threads.append(thread)
    return threads
