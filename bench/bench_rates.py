"""The monthly three-rate ranking on an existing (full demo) database.

    JICENG_ENV=development .venv/bin/python bench/bench_rates.py   # the demo's own var/ database
    DATABASE_URL=postgres://... JICENG_ENV=test .venv/bin/python bench/bench_rates.py

Times ``monthly_rates`` for all 23 townships of 诸暨市 for the last complete
month (and the villages of 枫桥镇), R times each, and prints the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.utils import timezone

    from jiceng.cases.models import Case, CaseEvent
    from jiceng.insights.rates import monthly_rates

    today = timezone.localdate()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    counts = f"cases: {Case.objects.count()}, events: {CaseEvent.objects.count()}"
    print(f"{counts}, month {year}-{month:02d}")
    for label, within, level in (
        ("23 townships", "330681", "township"),
        ("villages of 枫桥镇", "330681109", "village"),
    ):
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            rows = monthly_rates(year=year, month=month, within=within, level=level)
            timings.append((time.perf_counter() - started) * 1000)
        best = rows[0]
        print(
            f"{label}: median {statistics.median(timings):.1f} ms over {args.repeat} runs "
            f"({len(rows)} rows; first: {best.name} {best.composite or 0:.1f})"
        )


if __name__ == "__main__":
    main()
