"""Writing messages to the outbox, in the transaction of the change that causes them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime

from jiceng.core.inserts import insert_row
from jiceng.notices.models import Channel, Message, Status
from jiceng.notices.templates.catalogue import TEMPLATES


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
    if template not in TEMPLATES:
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
