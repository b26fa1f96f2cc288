"""Background tasks of the people app: the retention rule of the personal-data access log."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from jiceng.people.services.access_log import access_log_prune


@task()
def prune_access_log_task() -> int:
    return access_log_prune(older_than=timedelta(days=settings.JICENG_ACCESS_LOG_RETENTION_DAYS))
