"""Background tasks: thin wrappers around services."""

from __future__ import annotations

from django.conf import settings
from django_tasks import task

from jiceng.cases.anchor.writing import daily_anchor
from jiceng.cases.sweep import sweep


@task()
def sweep_task() -> str:
    return sweep().summary()


@task()
def anchor_task() -> str:
    """Today's history anchor, unless one was written already (then nothing happens)."""
    written = daily_anchor(settings.JICENG_ANCHOR_DIR)
    return str(written or "")
