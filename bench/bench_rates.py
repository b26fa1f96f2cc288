"""The monthly three-rate ranking on an existing (full demo) database, from the rollups
and counted from the events.

    JICENG_ENV=development .venv/bin/python bench/bench_rates.py   # the demo's own var/ database
    DATABASE_URL=postgres://... JICENG_ENV=test .venv/bin/python bench/bench_rates.py

Times ``monthly_rates`` for all 23 townships of 诸暨市 for the last complete month (and
the villages of 枫桥镇) and the county's twelve-month trend (``area_months``), R times
each, and prints the medians: first as the pages read them (from the rollups, when the
month is rolled up), then counted from the events (every month's coverage removed inside
a transaction that is rolled back: what every read cost before the rollups). Then the
cost of keeping them: recounting one whole month into cells (``jiceng rollups rebuild
--month``) and a worker refresh that finds nothing new.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path


def _median_ms(run: Callable[[], object], repeat: int) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def _reads(year: int, month: int, repeat: int, label: str) -> None:
    from jiceng.insights.rates import area_months, monthly_rates

    trend = [
        ((year * 12 + month - 1 - i) // 12, (year * 12 + month - 1 - i) % 12 + 1) for i in range(12)
    ][::-1]
    for name, within, level in (
        ("23 townships", "330681", "township"),
        ("villages of 枫桥镇", "330681109", "village"),
    ):
        rows = monthly_rates(year=year, month=month, within=within, level=level)
        ms = _median_ms(
            partial(monthly_rates, year=year, month=month, within=within, level=level), repeat
        )
        print(
            f"{label} | {name}: median {ms:.1f} ms over {repeat} runs ({len(rows)} rows; "
            f"first: {rows[0].name} {rows[0].composite or 0:.1f})"
        )
    ms = _median_ms(lambda: area_months(code="330681", name="", months=trend), repeat)
    print(f"{label} | twelve-month county trend: median {ms:.1f} ms over {repeat} runs")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--month", help="YYYY-MM (default: the last complete month)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from datetime import date

    from django.db import transaction
    from django.utils import timezone

    from jiceng.cases.models import Case, CaseEvent
    from jiceng.insights.rollups.models import RateCell, RateMonth
    from jiceng.insights.rollups.reading import forget_rolled_up, rolled_up_months
    from jiceng.insights.rollups.refresh import rebuild, refresh

    today = timezone.localdate()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    if args.month:
        year, month = (int(part) for part in args.month.split("-"))
    counts = f"cases: {Case.objects.count()}, events: {CaseEvent.objects.count()}"
    print(f"{counts}, cells: {RateCell.objects.count()}, month {year}-{month:02d}")
    rolled = date(year, month, 1) in rolled_up_months()
    _reads(year, month, args.repeat, "rollups" if rolled else "events (month not rolled up)")
    with transaction.atomic():
        RateMonth.objects.all().delete()
        forget_rolled_up()
        _reads(year, month, args.repeat, "events")
        transaction.set_rollback(True)
    forget_rolled_up()
    if rolled:
        few = max(3, args.repeat // 5)
        ms = _median_ms(lambda: rebuild(months=[date(year, month, 1)]), few)
        print(f"upkeep | recount of the whole month into cells: median {ms:.1f} ms over {few} runs")
        ms = _median_ms(refresh, few)
        print(f"upkeep | refresh with nothing new: median {ms:.1f} ms over {few} runs")


if __name__ == "__main__":
    main()
