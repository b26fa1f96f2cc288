"""Channel backends for tests of the drain's own logic (the adapters have their own tests)."""

from __future__ import annotations

from jiceng.notices.channels import Backend, Outcome, Outgoing, Retry


class AlwaysDown(Backend):
    def send_one(self, message: Outgoing) -> Outcome:
        return Retry("connection refused")
