"""What may be sent now: relevance, quiet hours, opt-outs and the per-phone daily limit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from jiceng.notices.models import Channel, Message, OptOut, Status

MOBILE = re.compile(r"^1[3-9]\d{9}$")


def in_quiet_hours(moment: datetime) -> bool:
    start, end = settings.JICENG_QUIET_HOURS
    hour = timezone.localtime(moment).hour
    return hour >= start or hour < end if start > end else start <= hour < end


def end_of_quiet_hours(moment: datetime) -> datetime:
    _start, end = settings.JICENG_QUIET_HOURS
    local = timezone.localtime(moment)
    morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if morning <= local:
        morning = timezone.make_aware(
            datetime.combine(local.date() + timedelta(days=1), time(end)),
            timezone.get_current_timezone(),
        )
    return morning


def still_due(row: Message) -> bool:
    """False when the case moved on since the message was planned (its ``expect``)."""
    expect = row.expect
    if not expect or row.case is None:
        return True
    case = row.case
    if "states" in expect and case.state not in expect["states"]:
        return False
    since = expect.get("since")
    return not (isinstance(since, str) and datetime.fromisoformat(since) != case.owner_since)


@dataclass
class PhoneLimits:
    """The opt-outs and the SMS sent in the last day, for one batch's phones (blind indexes)."""

    opted_out: set[str] = field(default_factory=set)
    daily_sent: dict[str, int] = field(default_factory=dict)

    @classmethod
    def load(cls, batch: Iterable[Message], now: datetime) -> PhoneLimits:
        indexes = {
            row.resident.phone_index
            for row in batch
            if row.channel == Channel.SMS and row.resident is not None
        }
        if not indexes:
            return cls()
        opted_out = set(
            OptOut.objects.filter(phone_index__in=indexes).values_list("phone_index", flat=True)
        )
        rows = (
            Message.objects.filter(
                channel=Channel.SMS,
                resident__phone_index__in=indexes,
                status__in=[Status.SENT, Status.DELIVERED],
                sent_at__gte=now - timedelta(days=1),
            )
            .values("resident__phone_index")
            .annotate(n=Count("pk"))
        )
        return cls(opted_out, {row["resident__phone_index"]: row["n"] for row in rows})

    def over_daily_limit(self, index: str) -> bool:
        return self.daily_sent.get(index, 0) >= settings.JICENG_SMS_DAILY_LIMIT

    def count(self, index: str) -> None:
        self.daily_sent[index] = self.daily_sent.get(index, 0) + 1
