"""What each chart draws, as plain data for ``json_script``; dashboard.js turns it into ECharts.

The charts only decorate: every figure here is also in the table beside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from django.utils.translation import gettext as _

from jiceng.insights.dashboard import AGE_THRESHOLDS, Backlog, MonthRates
from jiceng.insights.rates import AreaRates
from jiceng.web.dashboard.tables.local import TIERS, tier_names

Chart = dict[str, object]
# Young to old: pale to dark, so the oldest part of a backlog stands out.
AGE_COLOURS = ["#8fb8ea", "#e0a526", "#c2410c", "#7f1d1d"]
TIER_COLOURS = ["#146c2e", "#0b57d0", "#6b7280"]


def _percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def _series(name: str, data: Sequence[float | int | None]) -> dict[str, object]:
    return {"name": name, "data": list(data)}


def _chart(
    kind: str, categories: list[str], series: list[dict[str, object]], **extra: object
) -> Chart:
    return {"kind": kind, "categories": categories, "series": series, **extra}


def ranking_chart(rows: Sequence[AreaRates]) -> Chart:
    """Composite score, best first; areas not ranked (no score, too few ratings) are left out."""
    scored = [row for row in rows if row.rank is not None]
    data = [round(row.composite or 0, 1) for row in scored]
    series = [_series(_("Composite score"), data)]
    return _chart("bar", [row.name for row in scored], series, horizontal=True, max=100)


def trends_chart(rows: Sequence[MonthRates]) -> Chart:
    series = [
        _series(_("Response rate"), [_percent(r.response_rate) for r in rows]),
        _series(_("Resolution rate"), [_percent(r.resolution_rate) for r in rows]),
        _series(_("Satisfaction rate"), [_percent(r.satisfaction_rate) for r in rows]),
    ]
    months = [f"{row.month:%Y-%m}" for row in rows]
    return _chart("line", months, series, unit="%", max=100)


def backlog_chart(rows: Sequence[Backlog]) -> Chart:
    """Open requests stacked by age band, so a bar's length is the whole backlog.

    Areas with nothing open are left out of the bars (the table lists them).
    """
    rows = [row for row in rows if row.total]
    bounds: list[int | None] = [None, *AGE_THRESHOLDS, None]
    low, high = AGE_THRESHOLDS[0], AGE_THRESHOLDS[-1]
    names = [_("Under %(days)d days") % {"days": low}]
    names += [
        _("%(low)d–%(high)d days") % {"low": a, "high": b} for a, b in pairwise(AGE_THRESHOLDS)
    ]
    names += [_("Over %(days)d days") % {"days": high}]
    series = [
        _series(name, [row.band(bounds[i], bounds[i + 1]) for row in rows])
        for i, name in enumerate(names)
    ]
    categories = [row.name for row in rows]
    return _chart("bar", categories, series, horizontal=True, stacked=True, colors=AGE_COLOURS)


def local_chart(rows: Sequence[AreaRates]) -> Chart:
    """Shares of the month's resolutions by tier, for the areas that resolved anything."""
    ordered = sorted((r for r in rows if r.resolved_by_tier), key=lambda r: r.code)
    names = tier_names()
    series = [
        _series(names[tier][1], [_percent(r.local_share(tier)) for r in ordered]) for tier in TIERS
    ]
    categories = [r.name for r in ordered]
    extra = {"horizontal": True, "stacked": True, "unit": "%", "max": 100, "colors": TIER_COLOURS}
    return _chart("bar", categories, series, **extra)
