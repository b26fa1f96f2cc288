"""Rate limits (login attempts, public submissions) counted in fixed windows in the database."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F

from jiceng.core import clock
from jiceng.core.models import Throttle


def _window(now: datetime, seconds: int) -> datetime:
    epoch = int(now.timestamp())
    return datetime.fromtimestamp(epoch - epoch % seconds, tz=now.tzinfo)


def hit(key: str, *, limit: int, seconds: int) -> bool:
    """Count one attempt for ``key``; False once more than ``limit`` fall in the window."""
    start = _window(clock.now(), seconds)
    updated = Throttle.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
    if not updated:
        try:
            with transaction.atomic():
                Throttle.objects.create(key=key, window_start=start, count=1)
        except IntegrityError:  # another process created it first
            Throttle.objects.filter(key=key, window_start=start).update(count=F("count") + 1)
    count = Throttle.objects.filter(key=key, window_start=start).values_list("count", flat=True)
    return (count.first() or 0) <= limit


def blocked(key: str, *, limit: int, seconds: int) -> bool:
    """True if ``key`` has already used up its attempts in this window (counts nothing)."""
    start = _window(clock.now(), seconds)
    count = Throttle.objects.filter(key=key, window_start=start).values_list("count", flat=True)
    return (count.first() or 0) >= limit


def prune(older_than: timedelta = timedelta(days=1)) -> int:
    deleted, _ = Throttle.objects.filter(window_start__lt=clock.now() - older_than).delete()
    return deleted
