"""What ``/readyz`` checks: the database answers, every migration is applied, tasks are worked."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Q

from jiceng.core import clock

DATABASE_TASKS = "django_tasks_db.backend.DatabaseBackend"


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _migrations() -> str:
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if not plan else f"{len(plan)} migrations not applied"


def _tasks() -> str:
    if settings.TASKS["default"]["BACKEND"] != DATABASE_TASKS:
        return "ok"  # queued elsewhere (RQ) or run at once
    from django_tasks_db.models import DBTaskResult, get_date_max

    minutes = settings.JICENG_READY_TASK_MINUTES
    since = clock.now() - timedelta(minutes=minutes)
    # A task is due from when it was queued, or from its run_after if it was given one.
    late = DBTaskResult.objects.ready().filter(
        Q(run_after=get_date_max(), enqueued_at__lt=since) | Q(run_after__lt=since)
    )
    waiting = late.count()
    return "ok" if not waiting else f"{waiting} tasks waiting more than {minutes} minutes"


CHECKS = (("database", _database), ("migrations", _migrations), ("tasks", _tasks))


def check_results() -> dict[str, str]:
    checks: dict[str, str] = {}
    for name, check in CHECKS:
        try:
            checks[name] = check()
        except DatabaseError as exc:
            checks[name] = f"failed ({type(exc).__name__})"
            break
    # After a failure the rest cannot be known; each would only wait for the database again.
    return {name: checks.get(name, "not checked") for name, _check in CHECKS}
