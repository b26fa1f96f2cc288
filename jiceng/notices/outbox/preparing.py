"""Turning a claimed row into what its channel sends, or settling it when it must not go."""

from __future__ import annotations

from datetime import datetime

from jiceng.core import crypto
from jiceng.notices.channels.base import Outgoing
from jiceng.notices.models import Channel, Message, StaffContact, Status
from jiceng.notices.outbox.limits import PhoneLimits
from jiceng.notices.outbox.marking import Marks
from jiceng.notices.outbox.policy import MOBILE, still_due
from jiceng.notices.outbox.quiet import end_of_quiet_hours, in_quiet_hours
from jiceng.notices.outbox.worded import wording
from jiceng.notices.templates.catalogue import TEMPLATES
from jiceng.notices.templates.wording import subject as worded_subject


def outgoing(row: Message, *, now: datetime, limits: PhoneLimits, marks: Marks) -> Outgoing | None:
    """What to send for ``row``; None when it was settled or deferred instead."""
    if not still_due(row):
        marks.settle(row, Status.CANCELLED, "no longer due")
        return None
    if row.channel == Channel.INAPP:
        marks.settle(row, Status.DELIVERED)
        marks.report.sent += 1
        return None
    if row.channel == Channel.SMS and not row.urgent and in_quiet_hours(now):
        marks.defer(row, end_of_quiet_hours(now), "quiet hours")
        return None
    address = _address(row, limits, marks)
    if address is None:
        return None
    code = row.template
    params = wording(row)
    return Outgoing(
        client_id=row.client_id,
        template=code,
        params=params,
        text=str(TEMPLATES[code].text) % params,
        to=address,
        masked=crypto.mask_phone(address) if row.channel == Channel.SMS else _mask_email(address),
        subject=worded_subject(code, row.params) if row.channel == Channel.EMAIL else "",
    )


def _address(row: Message, limits: PhoneLimits, marks: Marks) -> str | None:
    if row.resident is not None:
        if row.resident.purged_at is not None:
            marks.settle(row, Status.CANCELLED, "personal data purged")
            return None
        phone = row.resident.phone
        if row.resident.phone_index in limits.opted_out:
            marks.settle(row, Status.CANCELLED, "opted out")
            return None
        if not MOBILE.match(phone):
            # A landline cannot take a text: a dispatcher calls instead (notices.calls).
            marks.settle(row, Status.FAILED, "not a mobile number")
            return None
        index = row.resident.phone_index
        if limits.over_daily_limit(index):
            marks.settle(row, Status.CANCELLED, "daily limit for this phone")
            return None
        limits.count(index)
        return phone
    if row.user is not None:
        contact = StaffContact.objects.filter(user=row.user).first()
        address = row.user.email if row.channel == Channel.EMAIL else (contact and contact.mobile)
        if not address or not row.user.is_active:
            marks.settle(row, Status.CANCELLED, "no address on this channel")
            return None
        return address
    marks.settle(row, Status.CANCELLED, "no recipient")
    return None


def _mask_email(address: str) -> str:
    name, _at, domain = address.partition("@")
    return f"{name[:1]}***@{domain}"
