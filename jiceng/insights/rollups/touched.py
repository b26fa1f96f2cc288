"""Which cells new events can change: the clock and rating cells of the cases they touch.

A clock's cell depends on the clock and on the case's later events (the first response
after it); a rating's cell on the rating alone. So the cells of a touched case are all it
can change, whatever month they lie in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date, datetime

from django.db.models import Q

from jiceng.cases.models import CaseEvent, EventKind, Rating
from jiceng.insights.rates.clocks import HANDOVERS, RESPONSES
from jiceng.insights.rollups.cells import month_of

# Cases per query when collecting their cells.
CASE_BATCH = 500


def touched_cases(*, event_id: int, rating_id: int, at: datetime) -> set[int]:
    """Cases with a clock, a response or a rating after the ids, or stamped at or after ``at``.

    Four queries rather than two with ``OR``: each side has its index (the primary key,
    ``(kind, at)``, ``rating_at``), and an ``OR`` of them reads the whole table.
    """
    events = CaseEvent.objects.filter(kind__in={*HANDOVERS, *RESPONSES})
    cases: set[int] = set()
    for rows, last in ((events, event_id), (Rating.objects.all(), rating_id)):
        for newer in (Q(id__gt=last), Q(at__gte=at)):
            cases.update(rows.filter(newer).order_by().values_list("case_id", flat=True).distinct())
    return cases


def cells_of_cases(cases: Collection[int]) -> dict[date, set[int]]:
    """The (month → units) cells holding the clocks and ratings of ``cases``."""
    cells: dict[date, set[int]] = defaultdict(set)
    chosen = sorted(cases)
    for start in range(0, len(chosen), CASE_BATCH):
        batch = chosen[start : start + CASE_BATCH]
        clocks = CaseEvent.objects.filter(
            case_id__in=batch, kind__in=HANDOVERS, respond_by__isnull=False, unit__isnull=False
        )
        ratings = Rating.objects.filter(case_id__in=batch)
        for rows in (clocks, ratings):
            for unit_id, at in rows.values_list("unit_id", "at"):
                cells[month_of(at)].add(unit_id)
    return cells


def resolved_places(*, event_id: int, at: datetime) -> dict[date, set[str]]:
    """The (month → places) of resolutions after the id or stamped at or after ``at``."""
    places: dict[date, set[str]] = defaultdict(set)
    resolves = CaseEvent.objects.filter(kind=EventKind.RESOLVE)
    for newer in (Q(id__gt=event_id), Q(at__gte=at)):
        for code, moment in resolves.filter(newer).values_list("division_code", "at"):
            places[month_of(moment)].add(code)
    return places
