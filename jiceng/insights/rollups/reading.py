"""What the rates read: the cells of rolled-up months, and a count of the events for any
month not rolled up (so a figure is never missing, only slower)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, QuerySet, Sum

from jiceng.core.memo import memo
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.counting import count_work, month_bounds, resolutions_by_place
from jiceng.insights.rollups.models import COUNTS, RateCell, RateMonth
from jiceng.insights.rollups.resolved import resolved_by_place
from jiceng.places.codes import code_range

Work = dict[tuple[object, int], AreaRates]


@memo("insights.rolled_up", seconds=30.0, limit=1, keep_none=False)
def _rolled_up() -> frozenset[date] | None:
    months = frozenset(RateMonth.objects.values_list("month", flat=True))
    return months or None  # not kept: the first roll-up is seen at once


def rolled_up_months() -> frozenset[date]:
    """Months read from the cells. A month joins once and only a demo reset removes one, so
    a process a little behind only counts a new month from the events meanwhile."""
    return _rolled_up() or frozenset()


def forget_rolled_up() -> None:
    """After rolling months up or discarding them: this process reads the change at once."""
    _rolled_up.forget()


def _from_cells(within: str, months: dict[date, int], by_unit: bool) -> Work:
    cells = RateCell.objects.filter(month__in=months).filter(
        code_range("unit__division_id", within)
    )
    sums = {f"n_{name}": Sum(name) for name in COUNTS}
    rows = cells.values("unit_id", "month") if by_unit else cells.values("month")
    found: Work = {}
    for row in rows.annotate(**sums):
        counts = AreaRates()
        counts.set_counts(row[f"n_{name}"] for name in COUNTS)
        found[(row["unit_id"] if by_unit else None, months[row["month"]])] = counts
    return found


def work(
    *,
    within: str,
    months: list[tuple[int, int]],
    by_unit: bool,
    covered: frozenset[date] | None = None,
) -> Work:
    """Clocks and ratings of the units under ``within`` per (unit or None, month index), as
    :func:`rates.counting.count_work` counts them; ``months`` are consecutive. ``covered``:
    the rolled-up months, if the caller has them already."""
    keys = [date(year, month, 1) for year, month in months]
    covered = rolled_up_months() if covered is None else covered
    live = [i for i, key in enumerate(keys) if key not in covered]
    found: Work = {}
    if live:
        first, last = live[0], live[-1]
        bounds = [month_bounds(*months[i]) for i in range(first, last + 1)]
        holder = F("unit_id") if by_unit else None
        for (who, position), counts in count_work(
            within=within, bounds=bounds, holder=holder
        ).items():
            found[(who, first + position)] = counts
    stored = {key: i for i, key in enumerate(keys) if not live or not live[0] <= i <= live[-1]}
    if stored:
        found.update(_from_cells(within, stored, by_unit))
    return found


def resolved(
    *, year: int, month: int, within: str, length: int, covered: frozenset[date]
) -> QuerySet:  # type: ignore[type-arg]
    """Resolutions of the month by area (``length`` digits of the place) and unit kind."""
    key = date(year, month, 1)
    if key in covered:
        return resolved_by_place(key, within, length)
    return resolutions_by_place(year, month, within, length)
