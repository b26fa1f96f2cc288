"""A gateway's delivery receipt marks its message delivered, or failed with the reason."""

from __future__ import annotations

from jiceng.core import clock
from jiceng.notices.models import Message, Status


def record_receipt(*, provider_id: str, delivered: bool, reason: str = "") -> bool:
    """A gateway's delivery receipt: the message becomes delivered, or failed with the reason.

    False when no sent message has that id (a receipt for another system, or a replay).
    """
    if not provider_id:
        return False
    at = clock.now()
    sent = Message.objects.filter(
        provider_id=provider_id, status__in=[Status.SENT, Status.DELIVERED]
    ).exclude(provider_id="")  # the partial index's own condition, so SQLite uses it too
    if delivered:
        return bool(sent.update(status=Status.DELIVERED, delivered_at=at, error=""))
    return bool(sent.update(status=Status.FAILED, error=(reason or "not delivered")[:200]))
