"""Timing helpers of ``measure``: medians, a page as a role sees it, the whole history walk."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

Row = tuple[str, float, str]


def timed(action: Callable[[], Any], repeat: int, *, warm: bool = True) -> float:
    """Median milliseconds of ``repeat`` runs, after one warm-up run if ``warm``."""
    if warm:
        action()
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append((time.perf_counter() - started) * 1000)
    return statistics.median(runs)


def page(client: Any, url: str) -> Callable[[], None]:
    def get() -> None:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert b"<html" in response.content[:2000].lower(), url

    return get


def stream_history(first: int | None) -> Row:
    """The verifier's walk over every case, or over the cases up to id ``first``."""
    from bench.city.prefix import walk_first
    from jiceng.cases.models import Case

    last = first or Case.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    events, problems, took, cpu = walk_first(last)
    assert problems == 0, f"{problems} problems"
    what = "whole history" if first is None else f"history of the first {last:,} cases"
    per_cpu = f"{events / cpu:,.0f} per CPU-second of the walker"
    return (
        f"{what} streamed ({events:,} events, {took:,.0f} s; {per_cpu}), events/s",
        events / took,
        ">= 50000",
    )
