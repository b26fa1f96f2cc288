"""Background tasks of the notices app: thin wrappers around its housekeeping."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django_tasks import task

from jiceng.core import clock
from jiceng.notices.models import SETTLED, Message


def prune_messages(*, older_than: timedelta) -> int:
    """Settled messages older than the retention; waiting ones are never dropped."""
    cutoff = clock.now() - older_than
    deleted, _by_model = Message.objects.filter(created_at__lt=cutoff, status__in=SETTLED).delete()
    return deleted


@task()
def prune_messages_task() -> int:
    return prune_messages(older_than=timedelta(days=settings.JICENG_MESSAGE_RETENTION_DAYS))
