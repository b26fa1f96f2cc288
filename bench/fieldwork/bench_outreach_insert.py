"""Opening outreach items: multi-row VALUES against UNNEST arrays, same matches, same load.

    JICENG_DEBUG=false JICENG_ENV=development JICENG_HOME=/tmp/fieldbench \\
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_fieldbench \\
        .venv/bin/python bench/fieldwork/bench_outreach_insert.py [--repeat 3]

Run after bench_policy_match.py has built its county. Matches the 10 policies
once (list only), then alternates the two ways of inserting the ~80,000 new
items (empty table each time) and prints the median wall time of each. The
shared machine is noisy; alternating keeps both under the same load.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    from django.db import connection, transaction

    from jiceng.core.fast import bulk
    from jiceng.policies import services
    from jiceng.policies.models import Outreach, Policy
    from jiceng.policies.services.outreach import OUTREACH_COLUMNS, outreach_rows

    today = date(2026, 3, 2)
    found = [
        (policy, services.policy_matches(policy, today=today))
        for policy in Policy.objects.filter(code__startswith="bench-")
    ]
    ways = {"VALUES, 500 rows a statement": bulk.insert_values}
    if connection.vendor == "postgresql":
        ways["UNNEST arrays, 20,000 rows a statement"] = bulk.insert_arrays
    times: dict[str, list[float]] = {name: [] for name in ways}
    for _round in range(args.repeat):
        for name, insert in ways.items():
            Outreach.objects.all().delete()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM ANALYZE policies_outreach")  # as on a first run
            started = time.perf_counter()
            for policy, matches in found:
                rows = outreach_rows(policy, matches)
                with transaction.atomic():
                    insert(Outreach, OUTREACH_COLUMNS, rows)
            times[name].append(time.perf_counter() - started)
            print(f"{name:<40} {times[name][-1]:6.2f} s ({Outreach.objects.count():,} items)")
    print(f"medians of {args.repeat} (load average {os.getloadavg()[0]:.1f}):")
    for name, values in times.items():
        print(f"  {name:<40} {statistics.median(values):6.2f} s")


if __name__ == "__main__":
    main()
