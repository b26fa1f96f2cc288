"""Opt-outs and the per-phone daily limit on SMS, loaded for a claimed batch."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count

from jiceng.notices.models import Channel, Message, OptOut, Status


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
