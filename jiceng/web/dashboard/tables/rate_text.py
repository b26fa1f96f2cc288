"""A rate's count (x/n) and its 95 % interval, as the tables and key figures write them."""

from __future__ import annotations

from jiceng.insights.rates import Rate


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def count_text(rate: Rate) -> str:
    """``x/n``; x has a decimal when 基本满意 is weighted below one."""
    return f"{_number(rate.part)}/{rate.whole}"


def interval_text(rate: Rate) -> str | None:
    interval = rate.interval
    if interval is None:
        return None
    low, high = interval
    return f"{low * 100:.1f}–{high * 100:.1f}%"
