"""Background tasks of the core app: thin wrappers around its housekeeping."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from jiceng.core.task_results import task_results_prune


@task()
def prune_task_results_task() -> int:
    # On RQ the rows do not exist (Redis expires results itself), so this deletes nothing.
    return task_results_prune(older_than=timedelta(days=settings.JICENG_TASK_RETENTION_DAYS))
