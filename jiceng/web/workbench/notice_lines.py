"""A case's messages as lines of its page: what was said, to whom, and how it went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jiceng.notices.models import Message, Status
from jiceng.web.workbench.notices import recipient, status_words, worded


@dataclass(frozen=True)
class Line:
    """One message of a case, ready to draw."""

    channel: str
    recipient: str
    text: str
    status: str
    css: str
    attempts: int
    at: datetime
    called_at: datetime | None


STATUS_CSS = {
    Status.PENDING: "waiting",
    Status.SENDING: "waiting",
    Status.SENT: "sent",
    Status.DELIVERED: "delivered",
    Status.FAILED: "failed",
    Status.CANCELLED: "not-sent",
}


def lines(messages: list[Message]) -> list[Line]:
    return [
        Line(
            channel=message.get_channel_display(),
            recipient=recipient(message),
            text=worded(message),
            status=status_words(message),
            css=STATUS_CSS.get(message.status, ""),
            attempts=message.attempts,
            at=message.created_at,
            called_at=message.called_at,
        )
        for message in messages
    ]
