"""The demo's channels: messages written to files (and echoed to the log), never sent.

One file per message, named by its idempotency key, so a retry overwrites rather than
duplicates: this backend is idempotent like a gateway that takes a client message id.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.outcomes import Outcome, Sent

log = logging.getLogger(__name__)


class FileBackend(Backend):
    channel = "sms"

    def __init__(self) -> None:
        super().__init__(idempotent=True, concurrency=1)
        self.directory = Path(settings.JICENG_OUTBOX_DIR) / self.channel

    def send_one(self, message: Outgoing) -> Outcome:
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{message.client_id}.txt"
        head = f"To: {message.to}\nTemplate: {message.template}\n"
        if message.subject:
            head += f"Subject: {message.subject}\n"
        stamp = timezone.localtime().isoformat(timespec="seconds")
        path.write_text(f"{head}Written: {stamp}\n\n{message.text}\n", encoding="utf-8")
        # The log shows that a message went, to whom masked, never its text.
        log.info("%s %s to %s written to %s", self.channel, message.template, message.masked, path)
        return Sent(provider_id=message.client_id, delivered=True)


class SmsFileBackend(FileBackend):
    channel = "sms"


class EmailFileBackend(FileBackend):
    channel = "email"
