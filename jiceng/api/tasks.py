"""Background tasks of the API: housekeeping of stored idempotent answers."""

from __future__ import annotations

from django_tasks import task

from jiceng.api.idempotency.prune import idempotency_prune


@task()
def prune_idempotency_task() -> int:
    return idempotency_prune()
