"""What a drain did: how many messages it claimed, sent, deferred, failed and cancelled."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field


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
