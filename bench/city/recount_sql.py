"""Print the SQL of one month's clock count (``rates.counting.count_work``'s first query).

    JICENG_ENV=test DATABASE_URL=postgres://…/jiceng_city \
        .venv/bin/python -m bench.city.recount_sql 2026 10 > q.sql
    (echo "SET max_parallel_workers_per_gather = 0; EXPLAIN (ANALYZE, BUFFERS)"; cat q.sql) | psql …

PostgreSQL only (psycopg writes the parameters in). The statement is the one
``jiceng rollups rebuild`` runs for each month, with every parameter written in, so that
psql can time and explain it (bench/README.md, "Rollups at city scale").
"""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Count, F

    from jiceng.insights.rates.clocks import answered_in_time, clocks
    from jiceng.insights.rates.counting import _grouped, month_bounds

    if connection.vendor != "postgresql":
        print("PostgreSQL only: set DATABASE_URL to a postgres:// database", file=sys.stderr)
        return 2
    year, month = int(argv[0]), int(argv[1])
    rows = _grouped(
        clocks(), within="", bounds=[month_bounds(year, month)], holder=F("unit_id"), units=None
    ).annotate(n=Count("id"), in_time=Count("id", filter=answered_in_time()))
    sql, params = rows.query.sql_with_params()
    with connection.cursor() as cursor:
        print(cursor.mogrify(sql, params))  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    raise SystemExit(main(sys.argv[1:]))
