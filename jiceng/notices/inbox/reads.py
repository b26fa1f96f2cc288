"""Marking a unit's inbox messages read, one or all at once."""

from __future__ import annotations

from datetime import datetime

from jiceng.core import clock
from jiceng.notices.inbox.unit import has_inbox, unread_messages
from jiceng.notices.models import Message, MessageRead
from jiceng.people.models import User


def message_read(*, message: Message, by: User) -> None:
    """``by`` has read ``message`` (from :func:`inbox_message`); reading twice keeps the first."""
    MessageRead.objects.bulk_create(
        [MessageRead(message=message, user=by, at=clock.now())], ignore_conflicts=True
    )


def inbox_read_all(*, by: User, seen_at: datetime) -> int:
    """Mark read every unread message ``by`` could see when their inbox showed at ``seen_at``
    (a message arriving afterwards stays unread). How many were marked."""
    if not has_inbox(by):
        return 0
    ids = list(unread_messages(by).filter(delivered_at__lte=seen_at).values_list("pk", flat=True))
    at = clock.now()
    MessageRead.objects.bulk_create(
        [MessageRead(message_id=pk, user=by, at=at) for pk in ids],
        ignore_conflicts=True,
        batch_size=500,
    )
    return len(ids)
