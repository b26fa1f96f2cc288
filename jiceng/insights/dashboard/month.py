"""The chosen month: the area's rates, its children ranked, its own units, what it received."""

from __future__ import annotations

from django.db.models import Count, Q

from jiceng.cases.models import Kind
from jiceng.insights.dashboard.area import Area, cases_in, require_scope
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.counting import month_bounds
from jiceng.insights.rates.months import MonthFigures, month_figures
from jiceng.people.models import User


def month_rates(*, user: User, area: Area, year: int, month: int) -> MonthFigures:
    """The month's rates of the area: its children ranked, its own units, its total."""
    require_scope(user, area.code)
    return month_figures(
        year=year, month=month, within=area.code, level=area.child_level, name=area.name
    )


def ranking(*, user: User, area: Area, year: int, month: int) -> list[AreaRates]:
    """The three rates and the composite for each child of the area, ranked."""
    return month_rates(user=user, area=area, year=year, month=month).areas


def units_here(*, user: User, area: Area, year: int, month: int) -> list[AreaRates]:
    """The units sitting at the area itself (a county's departments, dispatch centre and
    government; a township's government), each with its own line."""
    return month_rates(user=user, area=area, year=year, month=month).units_here


def received(*, user: User, area: Area, year: int, month: int) -> dict[str, int]:
    """Cases received in the month: all of them, and how many were consultations."""
    start, end = month_bounds(year, month)
    return (
        cases_in(user, area)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .aggregate(total=Count("id"), consultations=Count("id", filter=Q(kind=Kind.CONSULTATION)))
    )
