"""What the pages read: one month's areas, units and total, or one area's months."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.ranking import rank, rank_units
from jiceng.insights.rollups import reading  # a module: reading imports this package too
from jiceng.people.models import TIER_OF_KIND, Unit
from jiceng.places.codes import code_range
from jiceng.places.models import CODE_LENGTHS, Division


@dataclass
class MonthFigures:
    """One month under an area, every figure from the same count of its units' work."""

    areas: list[AreaRates]  # the area's children (townships or villages), ranked
    units_here: list[AreaRates]  # the units sitting at the area itself, ranked by kind
    total: AreaRates  # the area itself: all its units added up


def _unit_lines(
    *, year: int, month: int, within: str, covered: frozenset[date] | None = None
) -> dict[int, AreaRates]:
    """One line per unit under ``within`` with the month's clocks and ratings."""
    units = Unit.objects.filter(code_range("division_id", within)).order_by("kind", "name")
    lines = {
        unit.pk: AreaRates(code=unit.division_id, name=unit.name, kind=unit.kind, unit_id=unit.pk)
        for unit in units.only("id", "division_id", "name", "kind")
    }
    for (unit_id, _month), counts in reading.work(
        within=within, months=[(year, month)], by_unit=True, covered=covered
    ).items():
        if unit_id in lines:
            lines[unit_id].add(counts)  # type: ignore[index]
    return lines


def _areas(
    lines: Iterable[AreaRates],
    *,
    year: int,
    month: int,
    within: str,
    level: str,
    covered: frozenset[date],
) -> list[AreaRates]:
    """The area rule: each division of ``level`` adds up the units sitting in or under it."""
    length = CODE_LENGTHS[level]
    divisions = Division.objects.filter(level=level).filter(code_range("code", within))
    areas = {
        code: AreaRates(code=code, name=name)
        for code, name in divisions.values_list("code", "name")
    }
    for line in lines:
        area = areas.get(line.code[:length]) if len(line.code) >= length else None
        if area is not None:
            area.add(line)
    resolved = reading.resolved(
        year=year, month=month, within=within, length=length, covered=covered
    )
    for group in resolved:
        if group["area"] in areas:
            tier = TIER_OF_KIND[group["unit__kind"]]
            tiers = areas[group["area"]].resolved_by_tier
            tiers[tier] = tiers.get(tier, 0) + group["n"]
    return rank(list(areas.values()))


def month_figures(
    *, year: int, month: int, within: str, level: str, name: str = ""
) -> MonthFigures:
    """The children of ``level`` under ``within``, the units sitting at ``within`` and its
    total, from one count of the month's clocks and ratings per unit."""
    covered = reading.rolled_up_months()  # once for the month's two reads
    lines = _unit_lines(year=year, month=month, within=within, covered=covered)
    areas = _areas(
        lines.values(), year=year, month=month, within=within, level=level, covered=covered
    )
    total = AreaRates(code=within, name=name)
    for line in lines.values():
        total.add(line)
    here = rank_units(line for line in lines.values() if within and line.code == within)
    return MonthFigures(areas=areas, units_here=here, total=total)


def monthly_rates(*, year: int, month: int, within: str, level: str) -> list[AreaRates]:
    """Every division of ``level`` under ``within``, its units' work added up, ranked."""
    return month_figures(year=year, month=month, within=within, level=level).areas


def area_months(*, code: str, name: str, months: list[tuple[int, int]]) -> list[AreaRates]:
    """One area's counts for each of ``months`` (consecutive), by the same area rule."""
    rows = [AreaRates(code=code, name=name) for _ in months]
    for (_holder, position), counts in reading.work(
        within=code, months=months, by_unit=False
    ).items():
        rows[position].add(counts)
    return rows


def unit_rates(*, year: int, month: int, within: str) -> list[AreaRates]:
    """One line per unit under ``within``, ranked against the units of the same kind."""
    return rank_units(_unit_lines(year=year, month=month, within=within).values())
