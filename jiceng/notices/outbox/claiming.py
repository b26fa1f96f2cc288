"""Claiming a batch of due messages for one drain, under a lease."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q

from jiceng.notices.models import Message, Status

BATCH = 500


def _claimable(now: datetime) -> Q:
    return Q(not_before__lte=now) & (
        Q(status=Status.PENDING) | Q(status=Status.SENDING, lease_until__lt=now)
    )


def claim(now: datetime, limit: int = BATCH) -> list[Message]:
    """Take up to ``limit`` due messages for this drain (see the package's docstring)."""
    token = uuid.uuid4().hex
    due = Message.objects.filter(_claimable(now)).order_by("not_before", "pk")
    ids = list(due.values_list("pk", flat=True)[:limit])
    if not ids:
        return []
    lease_until = now + timedelta(seconds=settings.JICENG_OUTBOX_LEASE_SECONDS)
    Message.objects.filter(pk__in=ids).filter(_claimable(now)).update(
        status=Status.SENDING, lease=token, lease_until=lease_until
    )
    claimed = Message.objects.filter(lease=token, status=Status.SENDING)
    return list(claimed.select_related("resident", "user", "case").order_by("not_before", "pk"))
