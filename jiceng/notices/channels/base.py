"""A message as a gateway needs it, and the base of every channel backend."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from jiceng.notices.channels.outcomes import Outcome, Refused, Retry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Outgoing:
    """One message as a gateway needs it. ``to`` is a phone number or an email address:
    it lives only in memory while sending, and is never logged (log ``masked`` instead)."""

    client_id: str  # the idempotency key: the same for every retry of this message
    template: str  # our template code (notices.templates)
    params: dict[str, str]  # worded parameters, in the template's order
    text: str  # the whole message worded, for channels that carry text
    to: str
    masked: str
    subject: str = ""


@dataclass
class Backend:
    """Base of every channel backend. Subclasses implement ``send_one`` (or ``send``).

    ``idempotent`` is true when the gateway recognises ``client_id`` and sends a message
    once however often it is handed over; otherwise a crash between the gateway taking a
    message and the outbox marking it sent can send it twice (docs/notifications.md).
    """

    idempotent: bool = False
    concurrency: int = field(default=8)

    def send(self, batch: Sequence[Outgoing]) -> list[Outcome]:
        if len(batch) <= 1 or self.concurrency <= 1:
            return [self._guarded(message) for message in batch]
        with ThreadPoolExecutor(max_workers=min(self.concurrency, len(batch))) as pool:
            return list(pool.map(self._guarded, batch))

    def _guarded(self, message: Outgoing) -> Outcome:
        try:
            return self.send_one(message)
        except Exception as error:  # an adapter's bug must not stop the whole batch
            log.exception("%s failed on message %s", type(self).__name__, message.client_id)
            return Retry(f"{type(error).__name__}")

    def send_one(self, message: Outgoing) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError


class Disabled(Backend):
    """A channel that is switched off: every message is marked not sent, with the reason."""

    def send_one(self, message: Outgoing) -> Outcome:
        return Refused("channel switched off")
