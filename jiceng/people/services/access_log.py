"""How long the personal-data access log is kept: older rows deleted whole."""

from __future__ import annotations

from datetime import timedelta

from jiceng.core import clock
from jiceng.people.models import AccessLog


def access_log_prune(*, older_than: timedelta) -> int:
    """Delete access-log rows older than ``older_than`` (the retention rule); how many.

    Rows are never edited; past the retention period they are deleted whole, oldest first,
    so the log is always a complete record of its period.
    """
    if older_than < timedelta(days=180):
        raise ValueError("the access log is kept at least 180 days")
    deleted, _counts = AccessLog.objects.filter(at__lt=clock.now() - older_than).delete()
    return deleted
