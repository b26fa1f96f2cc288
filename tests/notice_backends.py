"""Channel backends for tests of the drain's own logic (the adapters have their own tests)."""

from __future__ import annotations

from jiceng.notices.channels.base import Backend, Outgoing
from jiceng.notices.channels.outcomes import Outcome, Retry


class AlwaysDown(Backend):
    def send_one(self, message: Outgoing) -> Outcome:
        return Retry("connection refused")
