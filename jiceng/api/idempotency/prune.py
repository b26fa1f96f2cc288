"""Forgetting stored answers once no client will retry them."""

from __future__ import annotations

from datetime import timedelta

from jiceng.api.models import IdempotencyRecord
from jiceng.core import clock

# A client retries within minutes; a day later the same key is a new request's business.
KEPT_FOR = timedelta(days=1)


def idempotency_prune(*, older_than: timedelta = KEPT_FOR) -> int:
    """Delete stored answers older than ``older_than``; how many were deleted."""
    if older_than <= timedelta(0):
        raise ValueError("older_than must be positive")
    old = IdempotencyRecord.objects.filter(created_at__lt=clock.now() - older_than)
    deleted, _counts = old.delete()
    return deleted
