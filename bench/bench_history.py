"""History verification throughput on an existing database (the demo, for instance).

    JICENG_ENV=development JICENG_HOME=/tmp/hist-demo .venv/bin/jiceng demo --no-serve
    JICENG_ENV=development JICENG_HOME=/tmp/hist-demo .venv/bin/python bench/bench_history.py

Prints the median of R runs of: the verifier alone, writing an anchor, and the
verifier against that anchor, in events per second (see bench/history.md).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path


def _median_seconds(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from jiceng.cases.anchor import AnchorReader, write_anchor_file
    from jiceng.cases.models import Case, CaseEvent
    from jiceng.cases.verification import verify

    events, cases = CaseEvent.objects.count(), Case.objects.count()
    print(f"{cases} cases, {events} events")
    plain = _median_seconds(args.repeat, lambda: list(verify()))
    print(f"verify-history: {plain:.3f} s, {events / plain:,.0f} events/s")
    path = Path(tempfile.mkdtemp()) / "anchor.jsonl"
    written = _median_seconds(args.repeat, lambda: write_anchor_file(path, settle=timedelta(0)))
    print(f"anchor: {written:.3f} s, {path.stat().st_size:,} bytes")
    anchored = _median_seconds(args.repeat, lambda: list(verify(anchor=AnchorReader(path))))
    print(f"verify-history --anchor: {anchored:.3f} s, {events / anchored:,.0f} events/s")


if __name__ == "__main__":
    main()
