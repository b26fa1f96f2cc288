"""Digests: many cases at once arrive as one message, not a flood.

* A dispatch centre hears of the requests waiting for dispatch as one inbox message per
  round, when new ones came in since its last digest.
* A staff member who asked for SMS or email gets one message summing up the unread
  messages of their unit's inbox since their last digest (emergencies go at once, see
  ``notices.events``).

``run_digests`` runs from ``jiceng worker`` every JICENG_DIGEST_MINUTES. Running it from
two workers at once writes nothing twice: each digest's key names its unit (or user) and
the round, and the outbox keeps one row per key.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, DateTimeField, Exists, Min, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse

from jiceng.cases.models import Case, Kind, State
from jiceng.core import clock
from jiceng.notices import links
from jiceng.notices.models import Channel, Message, MessageRead, StaffContact, Status
from jiceng.notices.outbox import writing
from jiceng.people.models import UnitKind

EPOCH = Value(datetime(1970, 1, 1, tzinfo=UTC), output_field=DateTimeField())


@dataclass
class DigestReport:
    centres: int = 0
    staff: int = 0

    def summary(self) -> str:
        return f"dispatch centre digests {self.centres}, staff digests {self.staff}"


def _round(now: datetime) -> str:
    """The digest round ``now`` falls in: rounds start every JICENG_DIGEST_MINUTES."""
    minutes = settings.JICENG_DIGEST_MINUTES
    start = int(now.timestamp()) // (minutes * 60) * minutes * 60
    return str(start)


def centre_digests(now: datetime) -> int:
    """One inbox message per dispatch centre with requests that began waiting since the last."""
    waiting = Case.objects.filter(
        state=State.SUBMITTED,
        kind=Kind.REQUEST,
        respond_by__isnull=False,
        owner__kind=UnitKind.DISPATCH,
    )
    last = (
        Message.objects.filter(template="centre_waiting", unit_id=OuterRef("owner_id"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    rows = (
        waiting.values("owner_id")
        .annotate(count=Count("pk"), oldest=Min("owner_since"))
        .annotate(new=Count("pk", filter=Q(owner_since__gt=Coalesce(Subquery(last), EPOCH))))
    )
    planned = []
    key_round = _round(now)
    for row in rows:
        if not row["new"]:
            continue
        planned.append(
            writing.message(
                key=f"centre_waiting:{row['owner_id']}:{key_round}",
                channel=Channel.INAPP,
                template="centre_waiting",
                params={"count": row["count"], "oldest": row["oldest"].isoformat()},
                at=now,
                unit_id=row["owner_id"],
            )
        )
    writing.plan(planned, may_exist=True)
    return len(planned)


def staff_digests(now: datetime) -> int:
    """One SMS or email per staff member with unread inbox messages since their last digest."""
    contacts = StaffContact.objects.filter(
        Q(by_sms=True) | Q(by_email=True), user__is_active=True, user__unit__isnull=False
    ).select_related("user")
    key_round = _round(now)
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


def run_digests() -> DigestReport:
    now = clock.now()
    return DigestReport(centres=centre_digests(now), staff=staff_digests(now))
