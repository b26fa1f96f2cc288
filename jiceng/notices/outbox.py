"""Writing to the outbox and draining it.

Writing (:func:`plan`) happens inside the transaction of the change that causes the
message, so the message exists exactly when the change does. Draining (:func:`drain`)
runs in ``jiceng worker``, any number of them at once:

1. *Claim* a batch with one conditional UPDATE that stamps the rows with this drain's
   lease token, then read back the rows carrying the token. Two drains never hold the
   same row; a drain that dies leaves its rows to be claimed again when the lease ends.
2. *Check* each row: still relevant, not in quiet hours, not opted out, not over the
   per-phone daily limit, and the recipient has an address on this channel.
3. *Send* per channel through its backend, with the message's idempotency key.
4. *Mark* the outcome: sent (or delivered), tried again later with exponential backoff,
   or failed with its reason.

A crash between 3 and 4 sends the message again when its lease ends: a gateway that
takes the idempotency key drops the copy; others may deliver it twice (at most once
more, since the lease is longer than any send). docs/notifications.md says which.
"""

from __future__ import annotations

import logging
import random
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Count, Q
from django.utils import timezone, translation

from jiceng.core import clock, crypto, updates
from jiceng.core.inserts import insert_row
from jiceng.notices import channels, links, templates
from jiceng.notices.channels import Outgoing, Refused, Retry, Sent
from jiceng.notices.models import Channel, Message, OptOut, StaffContact, Status

log = logging.getLogger(__name__)

MOBILE = re.compile(r"^1[3-9]\d{9}$")
BATCH = 500


# --- writing -----------------------------------------------------------------------------


def message(
    *,
    key: str,
    channel: str,
    template: str,
    params: Mapping[str, object],
    at: datetime,
    case_id: int | None = None,
    resident_id: int | None = None,
    user_id: int | None = None,
    unit_id: int | None = None,
    urgent: bool = False,
    not_before: datetime | None = None,
    expect: Mapping[str, object] | None = None,
) -> Message:
    """A message ready to be written. An in-app message due now is delivered as written."""
    if template not in templates.TEMPLATES:
        raise ValueError(f"unknown template {template}")
    due = not_before or at
    now_in_app = channel == Channel.INAPP and due <= at and not expect
    return Message(
        key=key[:120],
        channel=channel,
        template=template,
        params=dict(params),
        case_id=case_id,
        resident_id=resident_id,
        user_id=user_id,
        unit_id=unit_id,
        urgent=urgent,
        status=Status.DELIVERED if now_in_app else Status.PENDING,
        created_at=at,
        not_before=due,
        delivered_at=at if now_in_app else None,
        expect=dict(expect or {}),
    )


def plan(messages: Sequence[Message], *, may_exist: bool = False) -> None:
    """Write messages in the caller's transaction.

    A case event's messages are new by construction (their keys name the event), so they
    are inserted directly: this runs inside every submission (bench/README.md, "Notices").
    ``may_exist`` is for digests, which two workers may write in the same round: a
    message already written (same key) is kept and the copy dropped.
    """
    if may_exist:
        Message.objects.bulk_create(messages, ignore_conflicts=True)
        return
    for message in messages:
        insert_row(message)


def wording(row: Message) -> dict[str, str]:
    """The message's parameters worded for sending, its resident link made now."""
    return templates.worded_params(row.template, row.params, link=_link_maker(row))


def text(row: Message, *, language: str | None = None) -> str:
    """The message as its recipient reads it (for the case page: the link left out)."""
    return templates.render(row.template, row.params, language=language)


def _link_maker(row: Message) -> Callable[[str], str] | None:
    case_id, at = row.case_id, row.created_at
    if case_id is None:
        return None
    return lambda purpose: links.for_case(case_id, purpose, at)


# --- draining ------------------------------------------------------------------------------


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


def _claimable(now: datetime) -> Q:
    return Q(not_before__lte=now) & (
        Q(status=Status.PENDING) | Q(status=Status.SENDING, lease_until__lt=now)
    )


def claim(now: datetime, limit: int = BATCH) -> list[Message]:
    """Take up to ``limit`` due messages for this drain (see the module's docstring)."""
    token = uuid.uuid4().hex
    due = Message.objects.filter(_claimable(now)).order_by("not_before", "pk")
    ids = list(due.values_list("pk", flat=True)[:limit])
    if not ids:
        return []
    lease_until = now + timedelta(seconds=settings.JICENG_OUTBOX_LEASE_SECONDS)
    Message.objects.filter(pk__in=ids).filter(_claimable(now)).update(
        status=Status.SENDING, lease=token, lease_until=lease_until
    )
    claimed = Message.objects.filter(lease=token, status=Status.SENDING)
    return list(claimed.select_related("resident", "user", "case").order_by("not_before", "pk"))


def drain(*, limit: int = BATCH) -> DrainReport:
    """Claim one batch of due messages, send them and mark the outcomes."""
    now = clock.now()
    batch = claim(now, limit)
    report = DrainReport(claimed=len(batch))
    if batch:
        _Drain(now, report).run(batch)
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


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... up to an hour (JICENG_OUTBOX_RETRY_SECONDS), with jitter."""
    base = settings.JICENG_OUTBOX_RETRY_SECONDS
    seconds = min(3600.0, base * 2 ** max(0, attempts - 1))
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))


class _Drain:
    def __init__(self, now: datetime, report: DrainReport) -> None:
        self.now, self.report = now, report
        self.done: list[Message] = []  # rows whose fields changed, written at the end
        self.daily_sent: dict[str, int] = {}
        self.opted_out: set[str] = set()

    def run(self, batch: list[Message]) -> None:
        sendable: dict[str, list[tuple[Message, Outgoing]]] = defaultdict(list)
        self._count_daily_sms(batch)
        with translation.override(settings.LANGUAGE_CODE):
            for row in batch:
                outgoing = self._check(row)
                if outgoing is not None:
                    sendable[row.channel].append((row, outgoing))
        for channel, pairs in sendable.items():
            backend = channels.backend(channel)
            if isinstance(backend, channels.Disabled):
                for row, _outgoing in pairs:
                    self._settle(row, Status.CANCELLED, "channel switched off")
                continue
            outcomes = backend.send([outgoing for _row, outgoing in pairs])
            for (row, _outgoing), outcome in zip(pairs, outcomes, strict=True):
                self._mark(row, outcome)
        self._write()

    # -- checks ---------------------------------------------------------------------------

    def _settle(self, row: Message, status: str, reason: str = "") -> None:
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

    def _defer(self, row: Message, until: datetime, reason: str) -> None:
        row.status, row.not_before, row.error = Status.PENDING, until, reason
        row.lease, row.lease_until = "", None
        self.report.deferred += 1
        self.done.append(row)

    def _still_due(self, row: Message) -> bool:
        expect = row.expect
        if not expect or row.case is None:
            return True
        case = row.case
        if "states" in expect and case.state not in expect["states"]:
            return False
        since = expect.get("since")
        return not (isinstance(since, str) and datetime.fromisoformat(since) != case.owner_since)

    def _check(self, row: Message) -> Outgoing | None:
        if not self._still_due(row):
            self._settle(row, Status.CANCELLED, "no longer due")
            return None
        if row.channel == Channel.INAPP:
            self._settle(row, Status.DELIVERED)
            self.report.sent += 1
            return None
        if row.channel == Channel.SMS and not row.urgent and in_quiet_hours(self.now):
            self._defer(row, end_of_quiet_hours(self.now), "quiet hours")
            return None
        address = self._address(row)
        if address is None:
            return None
        code = row.template
        params = wording(row)
        return Outgoing(
            client_id=row.client_id,
            template=code,
            params=params,
            text=str(templates.TEMPLATES[code].text) % params,
            to=address,
            masked=crypto.mask_phone(address)
            if row.channel == Channel.SMS
            else _mask_email(address),
            subject=templates.subject(code, row.params) if row.channel == Channel.EMAIL else "",
        )

    def _address(self, row: Message) -> str | None:
        if row.resident is not None:
            if row.resident.purged_at is not None:
                self._settle(row, Status.CANCELLED, "personal data purged")
                return None
            phone = row.resident.phone
            if row.resident.phone_index in self.opted_out:
                self._settle(row, Status.CANCELLED, "opted out")
                return None
            if not MOBILE.match(phone):
                # A landline cannot take a text: a dispatcher calls instead (notices.calls).
                self._settle(row, Status.FAILED, "not a mobile number")
                return None
            index = row.resident.phone_index
            if self.daily_sent.get(index, 0) >= settings.JICENG_SMS_DAILY_LIMIT:
                self._settle(row, Status.CANCELLED, "daily limit for this phone")
                return None
            self.daily_sent[index] = self.daily_sent.get(index, 0) + 1
            return phone
        if row.user is not None:
            contact = StaffContact.objects.filter(user=row.user).first()
            address = (
                row.user.email if row.channel == Channel.EMAIL else (contact and contact.mobile)
            )
            if not address or not row.user.is_active:
                self._settle(row, Status.CANCELLED, "no address on this channel")
                return None
            return address
        self._settle(row, Status.CANCELLED, "no recipient")
        return None

    def _count_daily_sms(self, batch: Iterable[Message]) -> None:
        """SMS sent in the last day to this batch's phones (the daily limit), and opt-outs."""
        indexes = {
            row.resident.phone_index
            for row in batch
            if row.channel == Channel.SMS and row.resident is not None
        }
        if not indexes:
            return
        self.opted_out = set(
            OptOut.objects.filter(phone_index__in=indexes).values_list("phone_index", flat=True)
        )
        since = self.now - timedelta(days=1)
        rows = (
            Message.objects.filter(
                channel=Channel.SMS,
                resident__phone_index__in=indexes,
                status__in=[Status.SENT, Status.DELIVERED],
                sent_at__gte=since,
            )
            .values("resident__phone_index")
            .annotate(n=Count("pk"))
        )
        self.daily_sent = {row["resident__phone_index"]: row["n"] for row in rows}

    # -- outcomes -------------------------------------------------------------------------

    def _mark(self, row: Message, outcome: Sent | Retry | Refused) -> None:
        row.attempts += 1
        if isinstance(outcome, Sent):
            row.sent_at, row.provider_id = self.now, outcome.provider_id[:64]
            self._settle(row, Status.DELIVERED if outcome.delivered else Status.SENT)
            self.report.sent += 1
        elif isinstance(outcome, Refused):
            self._settle(row, Status.FAILED, outcome.reason)
        elif row.attempts >= settings.JICENG_OUTBOX_MAX_ATTEMPTS:
            self._settle(
                row, Status.FAILED, f"gave up after {row.attempts} tries: {outcome.reason}"
            )
        else:
            row.status, row.error = Status.PENDING, outcome.reason[:200]
            row.not_before = self.now + backoff(row.attempts)
            row.lease, row.lease_until = "", None
            self.report.retried += 1
            self.done.append(row)

    def _write(self) -> None:
        fields = [
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
        updates.update_rows(self.done, fields)


def _mask_email(address: str) -> str:
    name, _at, domain = address.partition("@")
    return f"{name[:1]}***@{domain}"


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
