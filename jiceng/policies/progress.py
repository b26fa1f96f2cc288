"""Outreach progress for township and county staff: counts per policy, village and outcome."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.villages import villages_for
from jiceng.people.models import User
from jiceng.policies.models import Outcome, Outreach


@dataclass
class Progress:
    policy: str
    village: str
    counts: Counter[str] = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return self.counts[Outcome.RECEIVED] + self.counts[Outcome.APPLIED]


def outreach_progress(user: User) -> list[Progress]:
    """Per policy and village, how many items stand at each outcome (figures, no names)."""
    villages = villages_for(user).values("code")
    rows = (
        Outreach.objects.filter(village_id__in=villages)
        .values("policy__title", "village__name", "outcome")
        .annotate(n=Count("id"))
        .order_by("policy__title", "village__name")
    )
    progress: dict[tuple[str, str], Progress] = {}
    for row in rows:
        key = (row["policy__title"], row["village__name"])
        progress.setdefault(key, Progress(*key)).counts[row["outcome"]] += row["n"]
    if not progress and not villages_for(user).exists():
        raise NotAllowed(_("Outreach progress is for village, township and county staff."))
    return list(progress.values())
