"""``jiceng rollups check``: the cells against a full recount of the same months."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count

from jiceng.insights.rates.counting import resolutions
from jiceng.insights.rollups.cells import recounted
from jiceng.insights.rollups.models import COUNTS, RateCell, RateMonth, ResolutionCell
from jiceng.insights.rollups.received import ReceivedDifference, received_differences
from jiceng.people.models import Unit
from jiceng.places.codes import code_range

NOTHING = (0,) * len(COUNTS)


@dataclass(frozen=True)
class Difference:
    month: date
    unit_id: int
    unit: str  # the unit's name and code, for the operator
    stored: tuple[int, ...]
    recounted: tuple[int, ...]

    def describe(self) -> str:
        def line(counts: tuple[int, ...]) -> str:
            return ", ".join(f"{name} {n}" for name, n in zip(COUNTS, counts, strict=True))

        return (
            f"{self.month:%Y-%m} {self.unit} (unit {self.unit_id}): "
            f"rollup [{line(self.stored)}] recount [{line(self.recounted)}]"
        )


def rolled_up(within_months: list[date] | None = None) -> list[date]:
    """The months to check: those given, else every rolled-up month."""
    if within_months is not None:
        return within_months
    return sorted(RateMonth.objects.values_list("month", flat=True))


def _stored(month: date, within: str) -> dict[int, tuple[int, ...]]:
    cells = RateCell.objects.filter(month=month).filter(code_range("unit__division_id", within))
    return {row[0]: tuple(row[1:]) for row in cells.values_list("unit_id", *COUNTS)}


@dataclass(frozen=True)
class ResolvedDifference:
    month: date
    place: str
    unit_id: int | None
    stored: int
    recounted: int

    def describe(self) -> str:
        return (
            f"{self.month:%Y-%m} resolutions at {self.place} by unit {self.unit_id}: "
            f"rollup {self.stored} recount {self.recounted}"
        )


def _resolved(month: date, within: str) -> Iterator[ResolvedDifference]:
    under = code_range("division_code", within)
    cells = ResolutionCell.objects.filter(month=month).filter(under)
    stored = {(c, u): n for c, u, n in cells.values_list("division_code", "unit_id", "resolved")}
    fresh_rows = resolutions(month.year, month.month).filter(under)
    counted = fresh_rows.values("division_code", "unit_id").annotate(n=Count("id"))
    fresh = {(row["division_code"], row["unit_id"]): row["n"] for row in counted}
    for key in sorted(stored.keys() | fresh.keys(), key=str):
        if stored.get(key, 0) != fresh.get(key, 0):
            yield ResolvedDifference(month, key[0], key[1], stored.get(key, 0), fresh.get(key, 0))


def differences(
    *, months: list[date], within: str = ""
) -> Iterator[Difference | ResolvedDifference | ReceivedDifference]:
    """Every cell under ``within`` that differs from a recount of the events and cases."""
    for month in months:
        yield from received_differences(month, within)
        yield from _resolved(month, within)
        stored = _stored(month, within)
        fresh = {unit: counts.counts for unit, counts in recounted(month, within=within).items()}
        differing = sorted(
            unit
            for unit in stored.keys() | fresh.keys()
            if stored.get(unit, NOTHING) != fresh.get(unit, NOTHING)
        )
        names = Unit.objects.in_bulk(differing)
        for unit in differing:
            label = f"{names[unit].name} {names[unit].division_id}" if unit in names else "?"
            yield Difference(
                month, unit, label, stored.get(unit, NOTHING), fresh.get(unit, NOTHING)
            )
