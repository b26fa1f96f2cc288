"""Background tasks of the core app: thin wrappers around its housekeeping."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from jiceng.core import throttle
from jiceng.core.task_results import task_results_prune

# The longest throttle window is a day (jiceng.cases.admission); two keep every live one.
THROTTLE_KEPT_FOR = timedelta(days=2)


@task()
def prune_task_results_task() -> int:
    """Finished task results past their retention, and throttle counters of past windows."""
    # On RQ the task rows do not exist (Redis expires results itself): none are deleted.
    results = task_results_prune(older_than=timedelta(days=settings.JICENG_TASK_RETENTION_DAYS))
    return results + throttle.prune(older_than=THROTTLE_KEPT_FOR)
