"""Generate a prefecture (绍兴市 by default) over three years into PostgreSQL.

    createdb -h 127.0.0.1 -U postgres jiceng_city
    JICENG_ENV=test .venv/bin/python bench/city/generate.py --cases 10000000 \\
        --database-url postgres://postgres@127.0.0.1:5432/jiceng_city

Migrates the (empty) database, imports the city's divisions from ../shared/data,
onboards its counties with the county workbook, then generates the cases with two
processes feeding COPY streams. Prints each phase's time and the tables' sizes.
The history key is the environment's (JICENG_HISTORY_KEY / JICENG_DATA_KEY): run
``jiceng verify-history`` and bench/city/measure.py with the same environment.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000_000)
    parser.add_argument("--city", default="3306")
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/jiceng_city")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from bench._django_setup import migrated_django

    started = time.perf_counter()
    migrated_django(args.database_url)
    from bench.city.load import load_city

    print(f"migrated in {time.perf_counter() - started:.0f} s, load average {os.getloadavg()}")
    took = load_city(
        cases=args.cases, city=args.city, years=args.years, seed=args.seed, workers=args.workers
    )
    took["total"] = time.perf_counter() - started
    for name, value in took.items():
        print(f"{name}: {value:,.0f}" if isinstance(value, float) else f"{name}: {value}")
    print(f"load average at the end: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
