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


def blocked(key: str, *, limit: int, seconds: int, windows: int = 1) -> bool:
    """True if ``key`` has already used up its attempts in this window (counts nothing).

    With ``windows=2`` the previous window counts too: a key that filled its
    last window stays blocked for a whole window more, not only until the
    window that happens to be running ends.
    """
    latest = _window(clock.now(), seconds)
    starts = [latest - timedelta(seconds=seconds * back) for back in range(windows)]
    rows = Throttle.objects.filter(key=key, window_start__in=starts, count__gte=limit)
    return rows.exists()


def prune(older_than: timedelta = timedelta(days=1)) -> int:
    deleted, _ = Throttle.objects.filter(window_start__lt=clock.now() - older_than).delete()
    return deleted
