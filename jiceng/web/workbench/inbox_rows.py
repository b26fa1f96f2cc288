"""An inbox message as a row of the inbox page: its words, its time, its case."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jiceng.notices.models import Message
from jiceng.web.workbench.notices import worded


@dataclass(frozen=True)
class Row:
    message: Message
    text: str
    at: datetime
    number: str  # the case's number, "" for a message about no case
    unread: bool
    urgent: bool


def inbox_rows(page: list[Message]) -> list[Row]:
    return [
        Row(
            message=message,
            text=worded(message),
            at=message.delivered_at or message.created_at,
            number=message.case.number if message.case is not None else "",
            unread=bool(getattr(message, "unread", False)),
            urgent=message.urgent,
        )
        for message in page
    ]
