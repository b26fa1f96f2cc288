"""The board's rows as its template shows them: requests with their labels, rates as percentages."""

from __future__ import annotations

from typing import Any

from jiceng.cases import public
from jiceng.insights.rates import AreaRates
from jiceng.web.portal import states
from jiceng.web.portal.forms import (
    category_label,
)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def rate_rows(rows: list[AreaRates]) -> list[dict[str, str]]:
    return [
        {
            "name": row.name,
            "response": _percent(row.response_rate),
            "resolution": _percent(row.resolution_rate),
            "satisfaction": _percent(row.satisfaction_rate),
        }
        for row in rows
    ]


def board_rows(items: list[public.BoardItem]) -> list[dict[str, Any]]:
    return [
        {
            "item": item,
            "category": category_label(item.category),
            "state": states.AGAIN_LABELS.get(item.again) or states.STATE_LABELS[item.state],
        }
        for item in items
    ]
