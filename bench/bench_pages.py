"""Server-side render time of the workbench pages on an existing demo database.

    JICENG_ENV=development JICENG_DEBUG=0 JICENG_HOME=/tmp/wb \\
        DATABASE_URL=sqlite:////tmp/wb/db.sqlite3 .venv/bin/python bench/bench_pages.py

Logs in as the demo users (cadre, township, department, dispatcher) with Django's
test Client and requests each page R times after a warm-up; prints the median and
the 90th percentile of the wall time, the median CPU time of this process (less
sensitive to a busy machine; the database's own work inside SQLite counts, a
PostgreSQL server's does not) and the number of queries, as a Markdown table.
It writes nothing but the sessions of those logins.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def _cases_to_open(user: Any) -> dict[str, str]:
    """A busy case of the user's own queue, and the case with the longest history they see."""
    from django.db.models import Count

    from jiceng.cases import selectors

    picks: dict[str, str] = {}
    mine = selectors.queue_cases(user).first()
    if mine is not None:
        picks["own case"] = mine.number or ""
    longest = (
        selectors.visible_cases(user)
        .annotate(n=Count("events"))
        .order_by("-n", "pk")
        .values_list("number", flat=True)
        .first()
    )
    if longest:
        picks["longest history"] = longest
    return picks


def _pages(username: str, user: Any) -> list[tuple[str, str]]:
    pages = [("queue", "/workbench/"), ("in my area", "/workbench/?tab=area")]
    pages.append(("area, search 路灯", "/workbench/?tab=area&state=&q=%E8%B7%AF%E7%81%AF"))
    # The stand-in search scanning every closed case in scope: its worst case.
    pages.append(
        ("area, closed, search 路灯", "/workbench/?tab=area&state=closed&q=%E8%B7%AF%E7%81%AF")
    )
    for label, number in _cases_to_open(user).items():
        pages.append((f"case page ({label})", f"/workbench/cases/{number}/"))
    if username == "dispatcher":
        village = "330681109001"
        pages.append(("desk", "/workbench/desk/"))
        pages.append(
            ("desk proposal", f"/workbench/desk/proposal/?category=utilities&village={village}")
        )
    return pages


def _measure(client: Any, url: str, repeat: int) -> tuple[float, float, float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):  # warm the template cache and the database pages
        client.get(url)
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    p90 = timings[min(len(timings) - 1, int(len(timings) * 0.9))]
    return (
        statistics.median(timings),
        p90,
        statistics.median(cpu),
        len(queries),
        response.status_code,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--users", default="cadre,township,department,dispatcher")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.test import Client

    from jiceng.cases.models import Case, CaseEvent
    from jiceng.people.models import User

    print(f"cases: {Case.objects.count()}, events: {CaseEvent.objects.count()}\n")
    print("| user | page | median ms | p90 ms | CPU ms | queries | status |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for username in args.users.split(","):
        user = User.objects.select_related("unit").get(username=username)
        client = Client()
        client.force_login(user)
        for label, url in _pages(username, user):
            median, p90, cpu, queries, status = _measure(client, url, args.repeat)
            print(
                f"| {username} | {label} | {median:.1f} | {p90:.1f} | {cpu:.1f} "
                f"| {queries} | {status} |"
            )


if __name__ == "__main__":
    main()
