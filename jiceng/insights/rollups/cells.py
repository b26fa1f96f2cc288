"""Writing cells: each one a recount by :func:`rates.counting.count_work`, never a sum kept
by hand, so that the rollups and a full recount share one definition of every rate."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from django.db.models import F
from django.utils import timezone

from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.counting import count_work, month_bounds
from jiceng.insights.rollups.models import COUNTS, RateCell
from jiceng.places.codes import code_range

# Units per recount query: keeps the ``IN`` list well under SQLite's variable limit.
UNIT_BATCH = 500


def month_of(moment: datetime) -> date:
    """The first day of the local month ``moment`` falls in (the month a rate counts in)."""
    local = timezone.localtime(moment)
    return date(local.year, local.month, 1)


def months_from(first: date, last: date) -> list[date]:
    """Every month from ``first`` to ``last``, both included."""
    start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(start, end + 1)]


def recounted(
    month: date, *, within: str = "", units: Collection[int] | None = None
) -> dict[int, AreaRates]:
    """The month's counts per unit under ``within`` (and among ``units``), from the events."""
    bounds = [month_bounds(month.year, month.month)]
    counted = count_work(within=within, bounds=bounds, holder=F("unit_id"), units=units)
    return {int(unit_id): counts for (unit_id, _), counts in counted.items()}  # type: ignore[call-overload]


def recount(month: date, *, within: str = "", units: Collection[int] | None = None) -> int:
    """Replace the month's cells of the units under ``within`` (or of ``units``) by a recount.

    The caller holds the claim (``refresh.claimed``): one writer of cells at a time.
    Returns the number of cells written.
    """
    if units is not None and len(units) > UNIT_BATCH:
        chosen = sorted(units)
        parts = [chosen[i : i + UNIT_BATCH] for i in range(0, len(chosen), UNIT_BATCH)]
        return sum(recount(month, within=within, units=part) for part in parts)
    counted = recounted(month, within=within, units=units)
    stale = RateCell.objects.filter(month=month).filter(code_range("unit__division_id", within))
    if units is not None:
        stale = stale.filter(unit_id__in=units)
    stale.delete()
    cells = [
        RateCell(unit_id=unit_id, month=month, **dict(zip(COUNTS, counts.counts, strict=True)))
        for unit_id, counts in counted.items()
        if any(counts.counts)
    ]
    RateCell.objects.bulk_create(cells, batch_size=1000)
    return len(cells)
