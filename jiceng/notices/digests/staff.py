"""A staff member's digest of their unit's unread inbox, by SMS or email."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from jiceng.notices import links
from jiceng.notices.digests.rounds import round_of
from jiceng.notices.models import Channel, Message, MessageRead, StaffContact, Status
from jiceng.notices.outbox import writing


def staff_digests(now: datetime) -> int:
    """One SMS or email per staff member with unread inbox messages since their last digest."""
    contacts = StaffContact.objects.filter(
        Q(by_sms=True) | Q(by_email=True), user__is_active=True, user__unit__isnull=False
    ).select_related("user")
    key_round = round_of(now)
    planned = []
    month_ago = now - timedelta(days=30)
    link = ""
    for contact in contacts:
        since = max(contact.digested_until or month_ago, month_ago)
        unit_id = contact.user.unit_id
        assert unit_id is not None  # filtered above
        unread = (
            Message.objects.filter(
                channel=Channel.INAPP,
                unit_id=unit_id,
                status=Status.DELIVERED,
                delivered_at__gt=since,
                delivered_at__lte=now,
            )
            .filter(~Exists(MessageRead.objects.filter(message=OuterRef("pk"), user=contact.user)))
            .count()
        )
        if not unread:
            continue
        link = link or links.absolute(reverse("workbench:inbox"))
        for channel, wanted in ((Channel.SMS, contact.by_sms), (Channel.EMAIL, contact.by_email)):
            if wanted:
                planned.append(
                    writing.message(
                        key=f"staff_digest:{contact.user_id}:{channel}:{key_round}",
                        channel=channel,
                        template="staff_digest",
                        params={"count": unread, "link": link},
                        at=now,
                        user_id=contact.user_id,
                    )
                )
    with transaction.atomic():
        writing.plan(planned, may_exist=True)
        contacts.filter(pk__in=[c.pk for c in contacts]).update(digested_until=now)
    return len(planned)
