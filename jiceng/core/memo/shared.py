"""Forgets reach every process: each forget is announced in Django's cache.

With Redis (``JICENG_REDIS_URL``) Django's cache is shared by every web node, so an
edit saved on one node (a unit renamed, a holiday added) is forgotten by the others at
their next request after at most :data:`SYNC_SECONDS`, not only when their copy's time
to live runs out. Each forget adds one to a counter per memo; each process compares the
counters at most every :data:`SYNC_SECONDS`, in one round trip, when a request starts.
Without Redis each process has its own cache and the time to live is the bound, as it
is for the worker, which serves no request. A forget that cannot be announced (Redis
down) is logged, and the edit itself goes on.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from django.core.cache import cache
from django.core.signals import request_started

SYNC_SECONDS = 1.0
logger = logging.getLogger(__name__)
_seen: dict[str, int] = {}
_state = threading.local()  # .quiet: forgetting what another process announced
_next_sync = [0.0]


def _key(name: str) -> str:
    return f"memo-forgets:{name}"


def announce(name: str) -> None:
    """Tell every process that memo ``name`` was forgotten (unless this is such a forget)."""
    if getattr(_state, "quiet", False):
        return
    try:
        cache.add(_key(name), 0, timeout=None)
        _seen[name] = cache.incr(_key(name))
    except Exception:  # the cache is down: the memos' time to live still bounds staleness
        logger.warning("Could not announce that memo %s was forgotten", name, exc_info=True)


def sync(memos: dict[str, Any]) -> None:
    """Forget here what another process forgot since the last look."""
    try:
        counters = cache.get_many([_key(name) for name in memos])
    except Exception:
        logger.warning("Could not read the memos' forget counters", exc_info=True)
        return
    _state.quiet = True
    try:
        for name, kept in memos.items():
            counter = counters.get(_key(name), 0)
            if _seen.setdefault(name, counter) != counter:
                _seen[name] = counter
                kept.forget()
    finally:
        _state.quiet = False


def _request_started(**_kwargs: object) -> None:
    now = time.monotonic()
    if now < _next_sync[0]:
        return
    _next_sync[0] = now + SYNC_SECONDS
    from jiceng.core.memo.store import shared_memos

    sync(shared_memos())


request_started.connect(_request_started, dispatch_uid="jiceng.core.memo.shared")
