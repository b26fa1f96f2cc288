"""What a gateway reports: a message's delivery, or a resident's reply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Receipt:
    provider_id: str
    delivered: bool
    reason: str


@dataclass(frozen=True)
class Reply:
    phone: str
    text: str
