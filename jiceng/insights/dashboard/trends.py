"""Twelve months of an area's rates; settled months are kept in the cache."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.core.cache import cache

from jiceng.core import clock
from jiceng.insights.dashboard.area import Area, require_scope
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.counting import month_bounds
from jiceng.insights.rates.months import area_months
from jiceng.people.models import User

# A month's rates stop changing once its last clock's response deadline has passed; the
# longest response limit is counted in hours or a few working days, so half a month is ample.
SETTLED_AFTER = timedelta(days=15)
TREND_CACHE_SECONDS = 3600


@dataclass
class MonthRates(AreaRates):
    month: date = field(default_factory=date.today)


def _months_back(year: int, month: int, count: int) -> list[tuple[int, int]]:
    last = year * 12 + month - 1
    return [(i // 12, i % 12 + 1) for i in range(last - count + 1, last + 1)]


def _trend_key(area: Area, row: MonthRates) -> str:
    return f"jiceng:dashboard:trend:v2:{area.code}:{row.month:%Y-%m}"


def _settled(row: MonthRates, now: datetime) -> bool:
    return now - month_bounds(row.month.year, row.month.month)[1] > SETTLED_AFTER


def _count_months(area: Area, rows: list[MonthRates]) -> None:
    """The counts of consecutive months, by the area rule of :mod:`jiceng.insights.rates`."""
    months = [(row.month.year, row.month.month) for row in rows]
    for row, counted in zip(
        rows, area_months(code=area.code, name=area.name, months=months), strict=True
    ):
        row.add(counted)


def trends(*, user: User, area: Area, year: int, month: int, months: int = 12) -> list[MonthRates]:
    """The area's rates for each of the ``months`` months ending with ``year-month``.

    The last month is the area's own figure for the chosen month (its units' work
    added up, see :mod:`jiceng.insights.rates`). A settled month's counts are kept in
    the cache: reading a year of clocks is the dashboard's most expensive query, and
    those months no longer change.
    """
    require_scope(user, area.code)
    span = _months_back(year, month, months)
    rows = [MonthRates(code=area.code, name=area.name, month=date(y, m, 1)) for y, m in span]
    cached = cache.get_many([_trend_key(area, row) for row in rows])
    for row in rows:
        counts = cached.get(_trend_key(area, row))
        if counts is not None:
            row.set_counts(counts)
    missing = [i for i, row in enumerate(rows) if _trend_key(area, row) not in cached]
    if missing:
        _count_months(area, rows[missing[0] : missing[-1] + 1])
        now = clock.now()
        settled = [rows[i] for i in missing if _settled(rows[i], now)]
        cache.set_many({_trend_key(area, row): row.counts for row in settled}, TREND_CACHE_SECONDS)
    return rows
