"""The dashboard's "received" rollup: cases received per place and month, written only by
recounting :func:`received_cases`, and read back for an area.

A case's place, kind and submission time never change once it is written, so a cell can
only change when a case is submitted: the worker recounts the cells of the cases whose
``submit`` event it has not seen yet (an imported case's event is stamped at the import,
its cell is the month of its original date).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import Coalesce

from jiceng.cases.models import Case, CaseEvent, EventKind, Kind
from jiceng.insights.rates.counting import month_bounds
from jiceng.insights.rollups.cells import month_of
from jiceng.insights.rollups.models import ReceivedCell
from jiceng.places.codes import code_range

PLACE_BATCH = 500
# What a cell holds, counted from the cases: the one definition of "received".
TALLY = {"received": Count("id"), "consultations": Count("id", filter=Q(kind=Kind.CONSULTATION))}


def received_cases(month: date, within: str = "") -> QuerySet[Case]:
    """Cases located under ``within`` and submitted in the (local) month."""
    start, end = month_bounds(month.year, month.month)
    cases = Case.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    return cases.filter(code_range("division_id", within))


def counted(
    month: date, within: str = "", places: Collection[str] | None = None
) -> dict[str, tuple[int, int]]:
    """Per place under ``within`` (and among ``places``): (received, consultations)."""
    cases = received_cases(month, within)
    if places is not None:
        cases = cases.filter(division_id__in=places)
    # In place order, so that an area's cells are written (and read back) side by side.
    rows = cases.values("division_id").annotate(**TALLY).order_by("division_id")
    return {r["division_id"]: (r["received"], r["consultations"]) for r in rows}


def recount_received(
    month: date, *, within: str = "", places: Collection[str] | None = None
) -> int:
    """Replace the month's received cells of the places under ``within`` (or ``places``)."""
    if places is not None and len(places) > PLACE_BATCH:
        chosen = sorted(places)
        parts = [chosen[i : i + PLACE_BATCH] for i in range(0, len(chosen), PLACE_BATCH)]
        return sum(recount_received(month, within=within, places=part) for part in parts)
    stale = ReceivedCell.objects.filter(month=month).filter(code_range("division_code", within))
    if places is not None:
        stale = stale.filter(division_code__in=places)
    stale.delete()
    cells = [
        ReceivedCell(month=month, division_code=code, received=n, consultations=k)
        for code, (n, k) in counted(month, within, places).items()
    ]
    ReceivedCell.objects.bulk_create(cells, batch_size=1000)
    return len(cells)


def submitted_places(*, event_id: int, at: datetime) -> dict[date, set[str]]:
    """The (month → places) of cases submitted after the event id or stamped at or after ``at``."""
    places: dict[date, set[str]] = defaultdict(set)
    submits = CaseEvent.objects.filter(kind=EventKind.SUBMIT)
    for newer in (Q(id__gt=event_id), Q(at__gte=at)):
        for code, moment in submits.filter(newer).values_list(
            "case__division_id", "case__submitted_at"
        ):
            places[month_of(moment)].add(code)
    return places


def received_in(month: date, within: str) -> dict[str, int]:
    """The area's received cases and consultations of a rolled-up month, from the cells."""
    cells = ReceivedCell.objects.filter(month=month).filter(code_range("division_code", within))
    return cells.aggregate(**{k: Coalesce(Sum(k), 0) for k in TALLY})


@dataclass(frozen=True)
class ReceivedDifference:
    month: date
    place: str
    stored: tuple[int, int]
    recounted: tuple[int, int]

    def describe(self) -> str:
        return (
            f"{self.month:%Y-%m} received at {self.place} (cases, consultations): "
            f"rollup {self.stored} recount {self.recounted}"
        )


def received_differences(month: date, within: str) -> Iterator[ReceivedDifference]:
    """The month's received cells under ``within`` that differ from a recount."""
    cells = ReceivedCell.objects.filter(month=month).filter(code_range("division_code", within))
    stored = {c: (n, k) for c, n, k in cells.values_list("division_code", *TALLY)}
    fresh = counted(month, within)
    for place in sorted(stored.keys() | fresh.keys()):
        if stored.get(place, (0, 0)) != fresh.get(place, (0, 0)):
            yield ReceivedDifference(
                month, place, stored.get(place, (0, 0)), fresh.get(place, (0, 0))
            )
