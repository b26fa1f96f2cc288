"""Local calendar months: the unit of partitioning, named ``YYYY-MM``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

_NAME = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True)
class Month:
    """One month of the deployment's time zone (TIME_ZONE), as monthly figures count it."""

    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Month:
        """``2026-03`` → Month(2026, 3); ValueError names what is expected."""
        found = _NAME.match(text.strip())
        if not found or not 1 <= int(found[2]) <= 12:
            raise ValueError(f"expected a month as YYYY-MM, got {text!r}")
        return cls(int(found[1]), int(found[2]))

    @classmethod
    def of(cls, moment: datetime) -> Month:
        local = moment.astimezone(ZoneInfo(settings.TIME_ZONE))
        return cls(local.year, local.month)

    def plus(self, months: int) -> Month:
        index = self.year * 12 + self.month - 1 + months
        return Month(index // 12, index % 12 + 1)

    @property
    def start(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def end(self) -> datetime:
        return self.plus(1).start

    @property
    def suffix(self) -> str:
        """The partition's name ends so: ``cases_caseevent_p2026_03``."""
        return f"p{self.year:04d}_{self.month:02d}"

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"
