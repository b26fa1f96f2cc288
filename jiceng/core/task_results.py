"""Housekeeping of the database task queue: finished results do not pile up forever."""

from __future__ import annotations

from datetime import timedelta

from django_tasks_db.models import DBTaskResult

from jiceng.core import clock


def task_results_prune(*, older_than: timedelta) -> int:
    """Delete successful and failed task results that finished more than ``older_than`` ago.

    Waiting and running tasks are never touched, however old. Returns how many were deleted.
    """
    if older_than <= timedelta(0):
        raise ValueError("older_than must be positive")
    finished = DBTaskResult.objects.finished().filter(finished_at__lte=clock.now() - older_than)
    deleted, _ = finished.delete()
    return deleted
