"""A place token inside the words' tsquery against the same token as a condition of its own.

    JICENG_ENV=test DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_city \\
        .venv/bin/python -m bench.search_keys --place d330602 路灯 "垃圾 臭味"

For each query, the search rows holding its words and the place token are counted three
ways, over the whole history and over the newest block of ids (as ``search.ranking``
reads a place, its block token a condition of its own):

- ``inside``: ``vector @@ 'place & words'``, one GIN scan key (before session 13);
- ``own key``: ``vector @@ 'words' AND vector @@ 'place'``, two keys (``search.index``);
- ``words``: ``vector @@ 'words'``, the words alone, anywhere (no place).

Each is the median execution time of ``--repeat`` runs of ``EXPLAIN (ANALYZE, BUFFERS)``
after a warm-up, with the shared buffers the statement touched and the rows counted.
PostgreSQL only; run it on a database that holds block tokens (``cases.0018``).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TSQUERY = "to_tsquery('simple', %s)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--place", default="d330602", help="a place token: d + division code")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("queries", nargs="*", default=["路灯", "漏水", "垃圾 臭味", "噪音 扰民"])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()
    from django.db import connection

    from jiceng.cases.models import CaseSearch
    from jiceng.cases.search.tokens import BLOCK_BITS, block_token, query_terms, tsquery_expression

    table = connection.ops.quote_name(CaseSearch._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT max(case_id) FROM {table}")
        top = cursor.fetchone()[0]

    def run(where: str, params: list[object]) -> tuple[float, int, int]:
        sql = f"SELECT count(*) FROM {table} WHERE {where}"
        times, buffers = [], 0
        with connection.cursor() as cursor:
            for attempt in range(args.repeat + 1):
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                plan = "\n".join(row[0] for row in cursor.fetchall())
                took = re.search(r"Execution Time: ([\d.]+)", plan)
                used = re.search(r"Buffers: shared hit=(\d+)(?: read=(\d+))?", plan)
                buffers = int(used.group(1)) + int(used.group(2) or 0) if used else 0
                if attempt and took:
                    times.append(float(took.group(1)))
            cursor.execute(sql, params)
            return statistics.median(times), buffers, cursor.fetchone()[0]

    place = f"'{args.place}'"
    block = top >> BLOCK_BITS
    newest = (
        f" AND vector @@ {TSQUERY} AND (case_id >> {BLOCK_BITS}) = {block}",
        [block_token(block)],
    )
    heads = ("inside", "own key", "words")
    print(f"{'query':<10} {'ids':<7}" + "".join(f" {h + ' ms':>11} {'buffers':>8}" for h in heads))
    for query in args.queries:
        words = tsquery_expression(query_terms(query), phrases=False)
        for span, (within, extra) in (("all", ("", [])), (f"blk{block}", newest)):
            ways = (
                (f"vector @@ {TSQUERY}{within}", [f"{place} & {words}", *extra]),
                (f"vector @@ {TSQUERY} AND vector @@ {TSQUERY}{within}", [words, place, *extra]),
                (f"vector @@ {TSQUERY}{within}", [words, *extra]),
            )
            row = [run(where, params) for where, params in ways]
            if row[0][2] != row[1][2]:
                raise SystemExit(f"{query!r}: the two ways with the place counted other rows")
            cells = "".join(f" {ms:>11.1f} {used:>8}" for ms, used, _ in row)
            print(f"{query:<10} {span:<7}{cells}   rows {row[1][2]:,} / {row[2][2]:,} anywhere")


if __name__ == "__main__":
    main()
