"""A place's newest matches read block by block against one statement over its whole history.

    JICENG_ENV=test DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_city \\
        .venv/bin/python -m bench.search_blocks --county 330602 路灯 漏水 垃圾

For each query, as the county's first dispatcher and its first township's staff (the
users ``bench/city/measure.py`` times), side by side in one run:

- ``whole``: the place's matches in one statement (as before block tokens, with the
  units' own cases outside the place read once, as now);
- ``blocks``: ``search.ranking`` as it is, newest block first;
- ``search``: the whole ``search_cases`` (the blocks, then the ranking), its first 20.

Both ways must find the same newest ids (the script stops otherwise); the figures are
medians of ``--repeat`` runs after one warm-up, in milliseconds. PostgreSQL only, on
rows that hold their block tokens (migration ``cases.0018``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bench.city.timing import timed
from bench.search_plans import searchers

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--county", default="330602")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("queries", nargs="*", default=["路灯", "漏水", "垃圾 臭味"])
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    import django

    django.setup()
    from jiceng.cases.models import Case
    from jiceng.cases.permissions import visible_cases
    from jiceng.cases.search import ranking
    from jiceng.cases.search.index import index_for
    from jiceng.cases.search.places import implied_narrowing
    from jiceng.cases.search.tokens import query_terms

    users = searchers(args.county)
    top = Case.objects.order_by("-pk").values_list("pk", flat=True).first()
    heads = ("whole ms", "blocks ms", "search ms")
    print(f"{'query':<10} {'who':<11} {'found':>6}" + "".join(f" {h:>9}" for h in heads))
    for query in args.queries:
        for who, user in users.items():
            cases = visible_cases(user)
            narrowing = implied_narrowing(cases)
            index = index_for(query_terms(query), narrowing.place)

            def whole(cases=cases, index=index, narrowing=narrowing):
                owned = ranking._owned_outside(narrowing)
                return ranking._newest_above(cases, index, narrowing=narrowing, low=0, owned=owned)

            def blocks(cases=cases, index=index, narrowing=narrowing):
                owned = ranking._owned_outside(narrowing)
                return ranking._newest_in_place(
                    cases, index, narrowing=narrowing, top=top, owned=owned
                )

            def searched(cases=cases, query=query):
                return list(ranking.search_cases(cases, query)[:20])

            found = blocks()
            if found != whole():
                raise SystemExit(f"{query!r}, {who}: the blocks found other cases than the whole")
            row = [timed(run, args.repeat) for run in (whole, blocks, searched)]
            print(f"{query:<10} {who:<11} {len(found):>6}" + "".join(f" {ms:>9.1f}" for ms in row))


if __name__ == "__main__":
    main()
