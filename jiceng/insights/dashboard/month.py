"""The chosen month: the area's rates, its children ranked, its own units, what it received."""

from __future__ import annotations

from datetime import date

from jiceng.insights.dashboard.area import Area, require_scope
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.months import MonthFigures, month_figures
from jiceng.insights.rollups.reading import rolled_up_months
from jiceng.insights.rollups.received import TALLY, received_cases, received_in
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
    """Cases received in the month: all of them, and how many were consultations.

    Every case located in the area counts (the area is inside the user's jurisdiction);
    a rolled-up month is read from the received cells, any other counted from the cases.
    """
    require_scope(user, area.code)
    key = date(year, month, 1)
    if key in rolled_up_months():
        found = received_in(key, area.code)
    else:
        found = received_cases(key, area.code).aggregate(**TALLY)
    return {"total": found["received"], "consultations": found["consultations"]}
