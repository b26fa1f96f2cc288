"""``jiceng worker``: the task queue's worker, with the periodic jobs and the outbox beside it."""

from __future__ import annotations

import argparse
import sys
import threading

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_worker(args: argparse.Namespace) -> int:
    setup()
    from django.conf import settings

    from jiceng.api.tasks import prune_idempotency_task
    from jiceng.cases.partitions.tasks import ensure_partitions_task
    from jiceng.cases.tasks import anchor_task, sweep_task
    from jiceng.core import schedule
    from jiceng.core.tasks import prune_task_results_task
    from jiceng.insights.tasks import enqueue_recent_hot_issues, rollups_refresh_task
    from jiceng.notices import digests, outbox
    from jiceng.notices.tasks import prune_messages_task
    from jiceng.people.tasks import prune_access_log_task
    from jiceng.policies.nightly import enqueue_nightly_matching

    if settings.JICENG_TASKS_BACKEND not in {"database", "rq"}:
        print("jiceng worker needs JICENG_TASKS_BACKEND=database or rq", file=sys.stderr)
        return 2
    stop = threading.Event()
    # Enqueueing from every worker is harmless: a sweep skips what another sweep did,
    # regrouping a month replaces its hot issues rather than adding to them, and a day
    # has one anchor file.
    schedule.start(
        (
            ("sweep-scheduler", args.sweep_minutes, sweep_task.enqueue),
            ("hot-issues-scheduler", args.hot_issues_minutes, enqueue_recent_hot_issues),
            # The rates read the rollups: they are at most this period (plus a run) behind.
            ("rollups-scheduler", args.rollups_minutes, rollups_refresh_task.enqueue),
            ("prune-scheduler", 60.0, prune_task_results_task.enqueue),
            ("prune-idempotency-scheduler", 60.0, prune_idempotency_task.enqueue),
            ("prune-access-log-scheduler", 60.0, prune_access_log_task.enqueue),
            # Hourly, so a day whose anchor failed (disk full, database away) still gets one.
            ("anchor-scheduler", args.anchor_minutes, anchor_task.enqueue),
            # Daily: months are made three ahead, so a missed day or two changes nothing.
            ("partitions-scheduler", 24 * 60.0, ensure_partitions_task.enqueue),
            # The outbox relay runs here rather than as queued tasks: messages are due within
            # seconds. Several workers drain side by side (notices.outbox claims with leases).
            ("outbox", settings.JICENG_OUTBOX_POLL_SECONDS / 60, outbox.drain_all),
            ("digests", settings.JICENG_DIGEST_MINUTES, digests.run_digests),
            ("prune-messages-scheduler", 60.0, prune_messages_task.enqueue),
            # Hourly tick; the full policy matching is enqueued once a night (02:00-06:00).
            ("policy-matching-scheduler", 60.0, enqueue_nightly_matching),
        ),
        stop,
    )
    try:
        _run_task_worker(settings.JICENG_TASKS_BACKEND, settings.JICENG_TASK_QUEUES)
    finally:
        stop.set()
    return 0


def _run_task_worker(backend: str, queues: list[str]) -> None:
    from django.core.management import call_command

    if backend == "rq":
        # django-tasks-rq's jobs only run with its Job class; the scheduler moves deferred
        # tasks (run_after) onto the queue when they are due.
        job_class = "django_tasks_rq.backend.Job"
        call_command("rqworker", *queues, job_class=job_class, with_scheduler=True)
    else:
        call_command("db_worker", interval=1.0, queue_name=",".join(queues))


def add_worker(add: Add) -> None:
    worker = add("worker", cmd_worker, "Run background tasks and the periodic sweep")
    worker.add_argument("--sweep-minutes", type=float, default=5.0)
    worker.add_argument("--hot-issues-minutes", type=float, default=60.0)
    worker.add_argument("--anchor-minutes", type=float, default=60.0)
    worker.add_argument("--rollups-minutes", type=float, default=5.0)
