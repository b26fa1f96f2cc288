"""Marking the outcome of each claimed message: sent, deferred, failed or cancelled."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings

from jiceng.core import updates
from jiceng.notices.channels.outcomes import Refused, Retry, Sent
from jiceng.notices.models import Message, Status
from jiceng.notices.outbox.backoff import backoff
from jiceng.notices.outbox.drain_report import DrainReport

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
