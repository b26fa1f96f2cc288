"""Draining the outbox: claim a batch, check each row, send per channel, mark the outcomes."""

from __future__ import annotations

import logging
from collections import defaultdict

from django.conf import settings
from django.utils import translation

from jiceng.core import clock
from jiceng.notices import channels
from jiceng.notices.channels.base import Outgoing
from jiceng.notices.models import Message, Status
from jiceng.notices.outbox.claiming import BATCH, claim
from jiceng.notices.outbox.drain_report import DrainReport
from jiceng.notices.outbox.limits import PhoneLimits
from jiceng.notices.outbox.marking import Marks
from jiceng.notices.outbox.preparing import outgoing

log = logging.getLogger("jiceng.notices.outbox")


def drain(*, limit: int = BATCH) -> DrainReport:
    """Claim one batch of due messages, send them and mark the outcomes."""
    now = clock.now()
    batch = claim(now, limit)
    report = DrainReport(claimed=len(batch))
    if batch:
        _send(batch, Marks(now, report))
    return report


def drain_all(*, budget_seconds: float = 50.0) -> DrainReport:
    """Drain batch after batch until nothing is due or the time budget is spent."""
    started = clock.now()
    total = DrainReport()
    while True:
        report = drain()
        total.add(report)
        if report.claimed < BATCH:
            break
        if (clock.now() - started).total_seconds() > budget_seconds:
            break
    if total.claimed:
        log.info("outbox: %s", total.summary())
    return total


def _send(batch: list[Message], marks: Marks) -> None:
    sendable: dict[str, list[tuple[Message, Outgoing]]] = defaultdict(list)
    limits = PhoneLimits.load(batch, marks.now)
    with translation.override(settings.LANGUAGE_CODE):
        for row in batch:
            ready = outgoing(row, now=marks.now, limits=limits, marks=marks)
            if ready is not None:
                sendable[row.channel].append((row, ready))
    for channel, pairs in sendable.items():
        backend = channels.backend(channel)
        if isinstance(backend, channels.Disabled):
            for row, _ready in pairs:
                marks.settle(row, Status.CANCELLED, "channel switched off")
            continue
        outcomes = backend.send([ready for _row, ready in pairs])
        for (row, _ready), outcome in zip(pairs, outcomes, strict=True):
            marks.mark(row, outcome)
    marks.write()
