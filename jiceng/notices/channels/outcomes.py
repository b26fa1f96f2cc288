"""What a gateway answers for one message: sent, to be tried again, or refused for good."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sent:
    provider_id: str = ""  # the gateway's own id of the message, which its receipts carry
    delivered: bool = False  # the channel delivers synchronously (a file, the console)


@dataclass(frozen=True)
class Retry:
    """Not sent this time (connection refused, 5xx, timeout, throttled): try again later."""

    reason: str


@dataclass(frozen=True)
class Refused:
    """The gateway refused the message for good (no such number, template not approved)."""

    reason: str


Outcome = Sent | Retry | Refused
