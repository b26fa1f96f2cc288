"""Timing helpers of ``measure``: medians, a page as a role sees it, the whole history walk."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

Row = tuple[str, float, str]


def timed(action: Callable[[], Any], repeat: int) -> float:
    """Median milliseconds of ``repeat`` runs after one warm-up."""
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


def stream_history() -> Row:
    from jiceng.cases.models import CaseEvent
    from jiceng.cases.verification import verify

    events = CaseEvent.objects.count()
    started = time.perf_counter()
    problems = sum(1 for _ in verify())
    took = time.perf_counter() - started
    assert problems == 0, f"{problems} problems"
    return (
        f"whole history streamed ({events:,} events, {took:,.0f} s), events/s",
        events / took,
        ">= 50000",
    )
