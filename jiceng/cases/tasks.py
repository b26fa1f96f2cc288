"""Background tasks: thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from jiceng.cases.sweep import sweep


@task()
def sweep_task() -> str:
    return sweep().summary()
