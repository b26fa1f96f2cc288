"""The nightly matching run: enqueued once a night by the worker's hourly tick."""

from __future__ import annotations

from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from jiceng.core import clock
from jiceng.policies.automatic import match_policy_task

# The nightly run starts in the first worker tick after 02:00 local time, once a day.
NIGHT_HOURS = range(2, 6)
NIGHTLY_KEY = "policies:nightly:{day}"


def enqueue_nightly_matching() -> bool:
    """Called every hour by ``jiceng worker``: enqueue the full run once a night.

    The day's key is taken with an atomic ``add``; with a shared cache (Redis) one worker
    takes it; with each process's own cache each worker may run it, which is harmless.
    """
    now = timezone.localtime(clock.now())
    if now.hour not in NIGHT_HOURS:
        return False
    key = NIGHTLY_KEY.format(day=now.date().isoformat())
    if not cache.add(key, True, timeout=int(timedelta(days=2).total_seconds())):
        return False
    match_policy_task.enqueue("", "")
    return True
