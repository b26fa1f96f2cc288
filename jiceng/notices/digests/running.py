"""One round of every digest, as ``jiceng worker`` runs it."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.core import clock
from jiceng.notices.digests.centre import centre_digests
from jiceng.notices.digests.staff import staff_digests


@dataclass
class DigestReport:
    centres: int = 0
    staff: int = 0

    def summary(self) -> str:
        return f"dispatch centre digests {self.centres}, staff digests {self.staff}"


def run_digests() -> DigestReport:
    now = clock.now()
    return DigestReport(centres=centre_digests(now), staff=staff_digests(now))
