"""The local-resolution shares' rollup: resolutions per place, unit and month, written only
by recounting :func:`rates.counting.resolutions`, and read back by area and unit kind."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import Substr

from jiceng.insights.rates.counting import resolutions
from jiceng.insights.rollups.models import ResolutionCell
from jiceng.places.codes import code_range

PLACE_BATCH = 500


def recount_resolutions(
    month: date, *, within: str = "", places: Collection[str] | None = None
) -> int:
    """Replace the month's resolution cells of the places under ``within`` (or ``places``)."""
    if places is not None and len(places) > PLACE_BATCH:
        chosen = sorted(places)
        parts = [chosen[i : i + PLACE_BATCH] for i in range(0, len(chosen), PLACE_BATCH)]
        return sum(recount_resolutions(month, within=within, places=part) for part in parts)
    found = resolutions(month.year, month.month).filter(code_range("division_code", within))
    stale = ResolutionCell.objects.filter(month=month).filter(code_range("division_code", within))
    if places is not None:
        found, stale = (
            found.filter(division_code__in=places),
            stale.filter(division_code__in=places),
        )
    stale.delete()
    counted = found.values("division_code", "unit_id").annotate(n=Count("id"))
    cells = [
        ResolutionCell(
            month=month,
            division_code=row["division_code"],
            unit_id=row["unit_id"],
            resolved=row["n"],
        )
        for row in counted
    ]
    ResolutionCell.objects.bulk_create(cells, batch_size=1000)
    return len(cells)


def resolved_by_place(month: date, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    """As :func:`rates.counting.resolutions_by_place`, from the cells: area, unit kind, n."""
    return (
        ResolutionCell.objects.filter(month=month)
        .filter(code_range("division_code", within))
        .annotate(area=Substr("division_code", 1, length))
        .values("area", "unit__kind")
        .annotate(n=Sum("resolved"))
    )
