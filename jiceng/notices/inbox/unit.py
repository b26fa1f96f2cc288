"""The unit's inbox: its delivered in-app messages, which of them a member has read.

*Unread* is an in-app message of the unit delivered in the last :data:`UNREAD_DAYS`
days that this staff member has not read: older ones no longer count, so a unit's
inbox never shows hundreds of stale notices to a new member of staff.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value, When
from django.db.models import Case as Switch
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.notices.models import Channel, Message, MessageRead, Status
from jiceng.people.models import Role, User

UNREAD_DAYS = 30


def has_inbox(user: User) -> bool:
    """Members of a unit (staff and leaders) read its inbox; residents and users without a
    unit (administrators) have none."""
    return user.is_authenticated and user.unit_id is not None and user.role != Role.RESIDENT


def unread_since(now: datetime) -> datetime:
    return now - timedelta(days=UNREAD_DAYS)


def _delivered_to(unit_id: int) -> QuerySet[Message]:
    return Message.objects.filter(unit_id=unit_id, channel=Channel.INAPP, status=Status.DELIVERED)


def _read_by(user: User) -> Exists:
    return Exists(MessageRead.objects.filter(message_id=OuterRef("pk"), user_id=user.pk))


def unread_messages(user: User) -> QuerySet[Message]:
    assert user.unit_id is not None
    since = unread_since(clock.now())
    return _delivered_to(user.unit_id).filter(~_read_by(user), delivered_at__gte=since)


def inbox_messages(user: User) -> QuerySet[Message]:
    """The delivered in-app messages of the user's unit, newest first, each with ``unread``."""
    if not has_inbox(user):
        return Message.objects.none()
    assert user.unit_id is not None
    since = unread_since(clock.now())
    unread = Switch(
        When(~_read_by(user), delivered_at__gte=since, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return (
        _delivered_to(user.unit_id)
        .select_related("case")
        .only("template", "params", "urgent", "delivered_at", "case", "case__number")
        .annotate(unread=unread)
        .order_by("-delivered_at", "-pk")
    )


def unread_count(user: User) -> int:
    """How many messages of the user's unit inbox they have not read (one query; none if
    they have no inbox)."""
    if not has_inbox(user):
        return 0
    return unread_messages(user).count()


def inbox_message(user: User, pk: int) -> Message:
    """One message of the user's unit inbox, or NotAllowed (also for another unit's)."""
    message = inbox_messages(user).filter(pk=pk).first()
    if message is None:
        raise NotAllowed(_("No such message in your inbox."))
    return message
