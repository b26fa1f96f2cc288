"""The public board's figures: this month's three rates for each township of a county."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone

from jiceng.core import clock
from jiceng.insights.rates.area import AreaRates
from jiceng.insights.rates.months import monthly_rates
from jiceng.places.models import Division, Level

RATES_CACHE_SECONDS = 300


def township_rates(county: Division) -> list[AreaRates]:
    """This month's three rates for each township of the county, in code order.

    Kept for a few minutes: the board is public and unauthenticated, and the
    figures for a month do not need to move by the second.
    """
    local = timezone.localtime(clock.now())
    key = f"public:township-rates:{county.code}:{local:%Y-%m}"
    cached = cache.get(key)
    if cached is not None:
        return list(cached)
    rows = monthly_rates(
        year=local.year, month=local.month, within=county.code, level=Level.TOWNSHIP
    )
    rows.sort(key=lambda row: row.code)
    cache.set(key, rows, RATES_CACHE_SECONDS)
    return rows
