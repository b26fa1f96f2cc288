"""Server-side render time of the leaders' dashboard, on an existing demo database.

    JICENG_ENV=development JICENG_DEBUG=false JICENG_HOME=/tmp/db1 \\
        DATABASE_URL=sqlite:////tmp/db1/db.sqlite3 .venv/bin/python bench/bench_dashboard.py

Logs in with Django's test Client as the demo leader (and the demo township
user), requests each page R times after one warm-up request, and prints the
median and the slowest time with the number of queries. The warm-up fills the
cache of settled trend months, as any first visit does; the county page is
also timed with that cache emptied before every request. Also times the
township ranking (``monthly_rates``) alone. Nothing is written but a session.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def _time(action, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    action()  # warm-up: templates, translations, SQLite page cache
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


def _report(label: str, timings: list[float], queries: int | str) -> None:
    print(
        f"{label:<34} median {statistics.median(timings):7.1f} ms   "
        f"max {max(timings):7.1f} ms   queries {queries}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from jiceng.cases.models import Case, CaseEvent
    from jiceng.demo.setup import COUNTY, HOME_TOWNSHIP
    from jiceng.insights.rates import monthly_rates
    from jiceng.people.models import User

    today = timezone.localdate()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    print(
        f"cases: {Case.objects.count()}, events: {CaseEvent.objects.count()}, "
        f"month {year}-{month:02d}, database: {connection.vendor}, {args.repeat} runs each"
    )
    pages = [
        ("leader", "county dashboard", "/dashboard/"),
        ("leader", "drill-down into 枫桥镇", f"/dashboard/?area={HOME_TOWNSHIP}"),
        ("township", "township user's dashboard", "/dashboard/"),
        ("leader", "ranking export (xlsx)", "/dashboard/export/ranking.xlsx"),
        ("leader", "oldest cases export (csv)", "/dashboard/export/oldest.csv"),
    ]
    clients: dict[str, Client] = {}
    for username, label, url in pages:
        if username not in clients:
            clients[username] = Client()
            clients[username].force_login(User.objects.get(username=username))
        client = clients[username]

        def get(client: Client = client, url: str = url) -> None:
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)

        timings = _time(get, args.repeat)
        with CaptureQueriesContext(connection) as queries:
            get()
        _report(label, timings, len(queries))

    leader = clients["leader"]

    def cold() -> None:
        cache.clear()  # as after a restart: the twelve months of trend are counted again
        assert leader.get("/dashboard/").status_code == 200

    _report("county dashboard, empty cache", _time(cold, args.repeat), 15)

    def ranking() -> None:
        monthly_rates(year=year, month=month, within=COUNTY, level="township")

    _report("ranking alone (monthly_rates)", _time(ranking, args.repeat), 4)


if __name__ == "__main__":
    main()
