"""The RQ queue class used when ``JICENG_TASKS_BACKEND=rq`` (see settings.RQ_QUEUES)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_rq.queues import DjangoRQ
from rq.job import Job


class RetainingQueue(DjangoRQ):
    """Keeps finished task results in Redis as long as the database backend keeps its rows.

    django-tasks-rq creates its jobs without a TTL, so RQ would drop a success after
    minutes and keep a failure for a year; the retention setting governs both instead.
    """

    def create_job(self, *args: Any, **kwargs: Any) -> Job:
        seconds = settings.JICENG_TASK_RETENTION_DAYS * 24 * 60 * 60
        if kwargs.get("result_ttl") is None:
            kwargs["result_ttl"] = seconds
        if kwargs.get("failure_ttl") is None:
            kwargs["failure_ttl"] = seconds
        return super().create_job(*args, **kwargs)
