"""The backlog now (not in the chosen month): open requests by age, and the oldest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr

from jiceng.cases.models import OPEN_STATES, Case, Kind
from jiceng.insights.dashboard.area import Area, cases_in
from jiceng.people.models import User
from jiceng.places.models import CODE_LENGTHS, Division

AGE_THRESHOLDS = (30, 90, 365)  # days; the backlog's age bands
OLDEST_LIMIT = 20


@dataclass
class Backlog:
    code: str
    name: str
    total: int = 0
    over: dict[int, int] = field(default_factory=dict)  # days → open longer than that

    def band(self, low: int | None, high: int | None) -> int:
        """Open cases aged (low, high] days; None for "from zero" or "no limit"."""
        above = self.total if low is None else self.over.get(low, 0)
        return above - (0 if high is None else self.over.get(high, 0))


def open_requests(user: User, area: Area) -> QuerySet[Case]:
    return cases_in(user, area).filter(kind=Kind.REQUEST, state__in=OPEN_STATES)


def backlog(*, user: User, area: Area, now: datetime) -> list[Backlog]:
    """Open requests per child of the area, and how many are older than each threshold."""
    length = CODE_LENGTHS[area.child_level]
    older = {
        f"over_{days}": Count("id", filter=Q(submitted_at__lt=now - timedelta(days=days)))
        for days in AGE_THRESHOLDS
    }
    counted = (
        open_requests(user, area)
        .annotate(child=Substr("division_id", 1, length))
        .values("child")
        .annotate(total=Count("id"), **older)
    )
    children = Division.objects.filter(level=area.child_level, code__startswith=area.code)
    rows = {
        code: Backlog(code=code, name=name) for code, name in children.values_list("code", "name")
    }
    for found in counted:
        if found["child"] in rows:
            row = rows[found["child"]]
            row.total = found["total"]
            row.over = {days: found[f"over_{days}"] for days in AGE_THRESHOLDS}
    return sorted(rows.values(), key=lambda r: (-r.band(AGE_THRESHOLDS[0], None), -r.total, r.code))


def oldest_open(*, user: User, area: Area, limit: int = OLDEST_LIMIT) -> list[Case]:
    """The longest-open requests, oldest first, with what the list shows already joined."""
    cases = open_requests(user, area).select_related("category", "division", "owner")
    # Only what the list shows: the database sorts every open request, not just twenty.
    shown = ("number", "title", "submitted_at", "category__name", "division__name", "owner__name")
    return list(cases.only(*shown).order_by("submitted_at", "id")[:limit])
