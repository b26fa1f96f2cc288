"""The period every table is about (who looks, where, which month), and child areas' header."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.insights.dashboard import Area
from jiceng.places.models import Level


@dataclass(frozen=True)
class Period:
    """What every table is about: who looks, where, which month, and when "now" is."""

    area: Area
    year: int
    month: int
    now: datetime

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def today(self) -> str:
        return _("now (%(day)s)") % {"day": f"{timezone.localdate(self.now):%Y-%m-%d}"}

    @cached_property
    def _home(self) -> str:
        return reverse("dashboard:home")

    def drill_href(self, code: str) -> str:
        """The dashboard for a child area, when it can be broken down further."""
        if self.area.child_level == Level.VILLAGE:
            return ""
        return self._home + "?" + urlencode({"month": self.label, "area": code})


def child_header(area: Area) -> str:
    return str(Level(area.child_level).label) if area.child_level else _("Area")
