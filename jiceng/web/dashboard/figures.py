"""What the dashboard page reads once, and the key figures at its top."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from jiceng.cases.models import Case
from jiceng.core.exports import PERCENT
from jiceng.insights import dashboard as selectors
from jiceng.insights.rates import AreaRates
from jiceng.people.models import User
from jiceng.web.dashboard.tables.base import Period, show
from jiceng.web.dashboard.tables.rates import count_text


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


def kpis(period: Period, found: Figures) -> list[tuple[str, str, str]]:
    ages, got = found.ages, found.received
    total = found.total
    resolutions = sum(sum(row.resolved_by_tier.values()) for row in found.rows)
    old = sum(row.over.get(selectors.AGE_THRESHOLDS[1], 0) for row in ages)
    return [
        (
            _("Cases received"),
            str(got["total"]),
            _("of which %(n)d consultations") % {"n": got["consultations"]},
        ),
        (_("Resolutions"), str(resolutions), ""),
        (_("Response rate"), show(total.response_rate, PERCENT), count_text(total.response)),
        (
            _("Resolution rate"),
            show(total.resolution_rate, PERCENT),
            count_text(total.resolution),
        ),
        (
            _("Satisfaction rate"),
            show(total.satisfaction_rate, PERCENT),
            count_text(total.satisfaction),
        ),
        (
            _("Open requests now"),
            str(sum(row.total for row in ages)),
            _("%(n)d open over 90 days") % {"n": old},
        ),
    ]
