"""Counting a month's clocks, ratings and resolutions: a few grouped queries."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from functools import partial

from django.db import models
from django.db.models import Count, F, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr
from django.utils import timezone

from jiceng.cases.models import CaseEvent, EventKind, Rating, Satisfaction
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.clocks import answered_in_time, clocks
from jiceng.places.codes import code_range

Bounds = list[tuple[datetime, datetime]]


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


def _position(bounds: Bounds) -> models.Case:
    """The index of the month an ``at`` falls in; boundaries are made in Python (local time)."""
    whens = [When(at__lt=end, then=Value(i)) for i, (_start, end) in enumerate(bounds)]
    return models.Case(*whens, output_field=IntegerField())


def _grouped(
    rows: QuerySet,  # type: ignore[type-arg]
    *,
    within: str,
    bounds: Bounds,
    holder: models.Expression | F | None,
    units: Collection[int] | None,
) -> QuerySet:  # type: ignore[type-arg]
    """Rows of the months in ``bounds`` whose unit sits under ``within`` (and is one of
    ``units``, if given), grouped by month and, if given, by ``holder`` (the unit, or the
    area the unit sits in)."""
    rows = rows.filter(at__gte=bounds[0][0], at__lt=bounds[-1][1])
    if units is not None:
        rows = rows.filter(unit_id__in=units)
    if within:
        # Compared through a function, not as a range: given a range on the units' codes,
        # SQLite starts from the units and reads every row they ever had, instead of the
        # month's rows (bench/README.md, "The monthly three-rate ranking").
        sits = Substr("unit__division_id", 1, len(within))
        rows = rows.annotate(unit_code=sits).filter(unit_code=within)
    rows = rows.annotate(position=_position(bounds))
    if holder is None:
        return rows.values("position")
    return rows.annotate(holder=holder).values("position", "holder")


def count_work(
    *,
    within: str,
    bounds: Bounds,
    holder: models.Expression | F | None,
    units: Collection[int] | None = None,
) -> dict[tuple[object, int], AreaRates]:
    """Clocks and ratings of the units under ``within``, per (holder, month index).

    Two queries whatever the number of months or holders. ``units`` narrows the count to
    those units: the rollups recount the cells of a few units this way.
    """
    found: dict[tuple[object, int], AreaRates] = {}

    def row(group: dict[str, object]) -> AreaRates:
        key = (group.get("holder"), int(group["position"]))  # type: ignore[call-overload]
        return found.setdefault(key, AreaRates())

    in_scope = partial(_grouped, within=within, bounds=bounds, holder=holder, units=units)
    in_time = Count("id", filter=answered_in_time())
    timed = in_scope(clocks()).annotate(n=Count("id"), in_time=in_time)
    for group in timed:
        counts = row(group)
        counts.dispatched, counts.responded = group["n"], group["in_time"]
    ratings = in_scope(Rating.objects.all())
    for group in ratings.annotate(
        n=Count("id"),
        solved_n=Count("id", filter=Q(solved=True)),
        satisfied_n=Count("id", filter=Q(satisfaction=Satisfaction.SATISFIED)),
        basically_n=Count("id", filter=Q(satisfaction=Satisfaction.BASICALLY)),
    ):
        counts = row(group)
        counts.rated, counts.solved = group["n"], group["solved_n"]
        counts.satisfied, counts.basically = group["satisfied_n"], group["basically_n"]
    return found


def resolutions(year: int, month: int) -> QuerySet[CaseEvent]:
    """The month's resolutions: what the local-resolution shares count, by place."""
    start, end = month_bounds(year, month)
    return CaseEvent.objects.filter(kind=EventKind.RESOLVE, at__gte=start, at__lt=end)


def resolutions_by_place(year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    return (
        resolutions(year, month)
        .filter(code_range("division_code", within))
        .annotate(area=Substr("division_code", 1, length))
        .values("area", "unit__kind")
        .annotate(n=Count("id"))
    )
