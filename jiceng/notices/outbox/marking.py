"""Marking the outcome of each claimed message, and of a gateway's delivery receipt."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings

from jiceng.core import clock, updates
from jiceng.notices.channels.outcomes import Refused, Retry, Sent
from jiceng.notices.models import Message, Status
from jiceng.notices.outbox.backoff import backoff

FIELDS = [
    "status",
    "error",
    "lease",
    "lease_until",
    "not_before",
    "attempts",
    "sent_at",
    "delivered_at",
    "provider_id",
]


@dataclass
class DrainReport:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    cancelled: int = 0
    deferred: int = 0
    by_reason: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, other: DrainReport) -> None:
        for name in ("claimed", "sent", "retried", "failed", "cancelled", "deferred"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, count in other.by_reason.items():
            self.by_reason[reason] += count

    def summary(self) -> str:
        return (
            f"claimed {self.claimed}, sent {self.sent}, retried {self.retried}, "
            f"failed {self.failed}, not sent {self.cancelled}, deferred {self.deferred}"
        )


class Marks:
    """The outcomes of one drain, counted in its report and written in one go at the end."""

    def __init__(self, now: datetime, report: DrainReport) -> None:
        self.now, self.report = now, report
        self.done: list[Message] = []  # rows whose fields changed, written at the end

    def settle(self, row: Message, status: str, reason: str = "") -> None:
        row.status, row.error = status, reason[:200]
        row.lease, row.lease_until = "", None
        if status == Status.DELIVERED:
            row.delivered_at = self.now
        if status == Status.CANCELLED:
            self.report.cancelled += 1
            self.report.by_reason[reason] += 1
        elif status == Status.FAILED:
            self.report.failed += 1
            self.report.by_reason[reason] += 1
        self.done.append(row)

    def defer(self, row: Message, until: datetime, reason: str) -> None:
        row.status, row.not_before, row.error = Status.PENDING, until, reason
        row.lease, row.lease_until = "", None
        self.report.deferred += 1
        self.done.append(row)

    def mark(self, row: Message, outcome: Sent | Retry | Refused) -> None:
        row.attempts += 1
        if isinstance(outcome, Sent):
            row.sent_at, row.provider_id = self.now, outcome.provider_id[:64]
            self.settle(row, Status.DELIVERED if outcome.delivered else Status.SENT)
            self.report.sent += 1
        elif isinstance(outcome, Refused):
            self.settle(row, Status.FAILED, outcome.reason)
        elif row.attempts >= settings.JICENG_OUTBOX_MAX_ATTEMPTS:
            self.settle(row, Status.FAILED, f"gave up after {row.attempts} tries: {outcome.reason}")
        else:
            row.status, row.error = Status.PENDING, outcome.reason[:200]
            row.not_before = self.now + backoff(row.attempts)
            row.lease, row.lease_until = "", None
            self.report.retried += 1
            self.done.append(row)

    def write(self) -> None:
        updates.update_rows(self.done, FIELDS)


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
