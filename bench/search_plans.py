"""The plans of every statement a workbench search sends, with their buffers.

    JICENG_ENV=test DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_city \\
        .venv/bin/python -m bench.search_plans --county 330602 路灯 漏水

Searches each query as the county's first dispatcher and its first township's staff
(the users ``bench/city/measure.py`` times: ``search_cases`` on their visible cases,
the first 20), captures the statements that touch the index, then prints each one's
``EXPLAIN (ANALYZE, BUFFERS)`` after a one-line summary (execution time, the top node's
shared buffers). PostgreSQL only: run it on a database that was searched once already,
so the figures are those of a warm cache.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def summary(plan: str) -> str:
    took = re.search(r"Execution Time: ([\d.]+) ms", plan)
    top = next((line for line in plan.splitlines() if "Buffers:" in line), "Buffers: ?")
    return f"{took.group(1) if took else '?'} ms, {top.strip()}"


def searchers(county: str) -> dict[str, object]:
    """The users ``bench/city/measure.py`` times: the county's first dispatcher, its first
    township's staff (call after ``django.setup()``)."""
    from jiceng.people.models import Role, User

    return {
        "dispatcher": User.objects.get(username=f"d{county}-0"),
        "township": User.objects.filter(role=Role.TOWNSHIP_STAFF, username__startswith=f"c{county}")
        .order_by("pk")
        .first(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--county", default="330602")
    parser.add_argument("--quiet", action="store_true", help="the summaries only")
    parser.add_argument("--first-window", type=int, help="search.ranking.FIRST_WINDOW instead")
    parser.add_argument("queries", nargs="*", default=["路灯", "漏水"])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from jiceng.cases import search
    from jiceng.cases.permissions import visible_cases
    from jiceng.cases.selectors.filters import search_cases

    if args.first_window:
        search.ranking.FIRST_WINDOW = args.first_window
    users = searchers(args.county)
    for query in args.queries:
        for who, user in users.items():
            visible = visible_cases(user)
            list(search_cases(visible, query)[:20])  # warm
            with CaptureQueriesContext(connection) as captured:
                list(search_cases(visible, query)[:20])
            searched = [q["sql"] for q in captured.captured_queries if "to_tsquery" in q["sql"]]
            total = 0
            for number, sql in enumerate(searched, 1):
                with connection.cursor() as cursor:
                    cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
                    plan = "\n".join(row[0] for row in cursor.fetchall())
                buffers = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", plan)
                if buffers:
                    total += int(buffers.group(1)) + int(buffers.group(2) or 0)
                print(f"## {query}, {who}, statement {number}: {summary(plan)}")
                if not args.quiet:
                    print(f"{sql}\n{plan}\n")
            print(f"# {query}, {who}: {len(searched)} statements, {total} buffers\n")


if __name__ == "__main__":
    main()
