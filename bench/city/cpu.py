"""The generator's CPU per case, in-process: ``generate_batch`` only, no COPY, no server.

    JICENG_ENV=test .venv/bin/python -m bench.city.cpu --batches 4 \\
        --database-url postgres://postgres@127.0.0.1:5432/jiceng_city_small

The database is one ``bench.city.generate`` has loaded (any size: the world, the
residents and the pool texts are read or written from it, nothing is added to it). Each
batch is timed with ``time.process_time``, so other processes on the machine change the
figure little; ``--profile`` prints cProfile's top functions over the same batches.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time
from datetime import UTC, datetime, timedelta


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--cases", type=int, default=10_000_000, help="the planned load's size")
    parser.add_argument("--pool", type=int, default=40_000, help="pool texts, as load_city makes")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    from bench._django_setup import migrated_django

    migrated_django(args.database_url)
    from django.conf import settings

    from bench.city.texts import build_pools
    from bench.city.workers import Plan, generate_batch
    from bench.city.world import load_world
    from jiceng.people.models import Resident

    residents = list(Resident.objects.order_by("pk").values_list("pk", flat=True)[:200_000])
    world = load_world("3306", residents)
    pools = build_pools("3306", args.pool, 19)
    end = datetime(2026, 12, 1, tzinfo=UTC)
    window = timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
    plan = Plan(args.cases, args.batch, 2, end - timedelta(days=3 * 365), end, 19, "", window)
    middle = plan.batches // 2
    generate_batch(plan, world, pools, middle - 1)  # warm-up: the calendar, the caches
    numbers = range(middle, middle + args.batches)
    profile = cProfile.Profile() if args.profile else None
    runs, events = [], 0
    for number in numbers:
        if profile:
            profile.enable()
        started = time.process_time()
        _buffers, n = generate_batch(plan, world, pools, number)
        runs.append((time.process_time() - started) * 1000 / args.batch)
        if profile:
            profile.disable()
        events += n
    print(f"batches of {args.batch:,} cases: " + ", ".join(f"{r:.3f}" for r in runs) + " ms/case")
    print(
        f"median {statistics.median(runs):.3f} ms/case, {events / len(runs) / args.batch:.2f} "
        f"events/case, load average {os.getloadavg()[0]:.1f}"
    )
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
