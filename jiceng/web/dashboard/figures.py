"""What the dashboard page reads once, for its figures, tables and charts."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.cases.models import Case
from jiceng.insights import dashboard as selectors
from jiceng.insights.rates import AreaRates
from jiceng.people.models import User
from jiceng.web.dashboard.tables.period import Period


@dataclass
class Figures:
    rows: list[AreaRates]
    units: list[AreaRates]
    total: AreaRates  # the area itself in the chosen month
    months: list[selectors.MonthRates]
    ages: list[selectors.Backlog]
    oldest: list[Case]
    received: dict[str, int]


def figures(user: User, period: Period) -> Figures:
    area, year, month = period.area, period.year, period.month
    rates = selectors.month_rates(user=user, area=area, year=year, month=month)
    return Figures(
        rows=rates.areas,
        units=rates.units_here,
        total=rates.total,
        months=selectors.trends(user=user, area=area, year=year, month=month),
        ages=selectors.backlog(user=user, area=area, now=period.now),
        oldest=selectors.oldest_open(user=user, area=area),
        received=selectors.received(user=user, area=area, year=year, month=month),
    )
