"""Case-submission throughput through the service layer.

    .venv/bin/python bench/bench_cases.py                      # fresh SQLite file
    .venv/bin/python bench/bench_cases.py --database-url postgres://postgres@127.0.0.1:5432/jiceng_bench

Creates (or reuses) the database, migrates, loads the demo county's divisions
and units, then submits N cases with ``case_submit`` — each in its own
transaction, as a web request would — and prints the median rate of R runs.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time

from _django_setup import migrated_django


def _one_run(n: int, rng: random.Random) -> tuple[float, float]:
    """Cases per wall-clock second, and per CPU second of this process.

    On SQLite the database works inside this process, so the CPU-second rate is what a
    quiet machine reaches; on a loaded machine it is the steadier of the two figures.
    """
    from jiceng.cases.models import Category, Channel
    from jiceng.cases.services import case_submit
    from jiceng.demo import texts
    from jiceng.places.models import Division

    villages = list(
        Division.objects.filter(code__startswith="330681", level="village").values_list(
            "code", "name"
        )
    )
    categories = list(Category.objects.select_related("time_limit"))
    inputs = []
    for _ in range(n):
        code, name = rng.choice(villages)
        category = rng.choice(categories)
        title, description = texts.request_text(category.code, rng, village=name, township="")
        inputs.append((category, title, description, code, texts.phone_number(rng)))
    started, cpu_started = time.perf_counter(), time.process_time()
    for category, title, description, code, phone in inputs:
        case_submit(
            category=category,
            title=title,
            description=description,
            division_code=code,
            contact_phone=phone,
            channel=Channel.WEB,
        )
    return n / (time.perf_counter() - started), n / (time.process_time() - cpu_started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--compare-notices",
        action="store_true",
        help="alternate runs with and without the notices outbox (its cost per submission)",
    )
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    migrated_django(url)
    from jiceng.demo.setup import build_units
    from jiceng.places.importer import load_demo_county

    load_demo_county()
    build_units()
    rng = random.Random(1)
    if args.compare_notices:
        _compare_notices(args.n, args.repeat, rng)
        return
    runs = [_one_run(args.n, rng) for _ in range(args.repeat)]
    rates, cpu_rates = [r[0] for r in runs], [r[1] for r in runs]
    print(f"database: {url.split('@')[-1]}; load average {os.getloadavg()[0]:.1f}")
    print("runs (cases/s): " + ", ".join(f"{r:.0f}" for r in rates))
    print(
        "runs (cases per CPU second of this process): " + ", ".join(f"{r:.0f}" for r in cpu_rates)
    )
    print(
        f"median: {statistics.median(rates):.0f} cases/s "
        f"({statistics.median(cpu_rates):.0f} per CPU second) over {args.n} submissions per run"
    )


def _compare_notices(n: int, repeat: int, rng: random.Random) -> None:
    """Runs with and without the outbox's producer, alternating, in one process."""
    from jiceng.cases.history import event_recorded
    from jiceng.notices import events

    uid = "jiceng.notices.events"
    with_, without = [], []
    for _ in range(repeat):
        event_recorded.disconnect(dispatch_uid=uid)
        without.append(_one_run(n, rng))
        event_recorded.connect(events.on_event, dispatch_uid=uid)
        with_.append(_one_run(n, rng))
    for label, runs in (("without notices", without), ("with notices", with_)):
        cpu = [r[1] for r in runs]
        print(f"{label}: per CPU second " + ", ".join(f"{r:.0f}" for r in cpu), end="")
        print(
            f"; median {statistics.median(cpu):.0f}; wall median "
            f"{statistics.median(r[0] for r in runs):.0f}"
        )
    cost = 1 - statistics.median(r[1] for r in with_) / statistics.median(r[1] for r in without)
    print(f"notices cost {cost:.1%} of submissions per CPU second; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
