"""What full-text indexing adds to each case write: segmentation, then the index row.

    .venv/bin/python bench/bench_search_write.py                       # fresh SQLite file
    .venv/bin/python bench/bench_search_write.py --database-url postgres://postgres@127.0.0.1:5432/jiceng_bench_search_write

Migrates a fresh database, loads the demo county, submits N demo requests with
``case_submit``, then times ``search.index_case`` on each of them in its own
transaction, split into the segmentation (``search.search_text``) and the write of
the row (with the FTS5 triggers or the generated tsvector and its GIN entry; the commit
is left out, as in ``case_submit`` the row shares the case's transaction). Prints the
median and mean per case, in wall-clock and in CPU time of this process (steadier on a
busy machine).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time

from _django_setup import migrated_django


def _submit(n: int, rng: random.Random) -> list[int]:
    from jiceng.cases.models import Category, Channel
    from jiceng.cases.services import case_submit
    from jiceng.demo import texts
    from jiceng.places.models import Division

    villages = list(Division.objects.filter(level="village").values_list("code", "name"))
    categories = list(Category.objects.all())
    ids = []
    for _ in range(n):
        code, name = rng.choice(villages)
        category = rng.choice(categories)
        title, description = texts.request_text(category.code, rng, village=name, township="")
        case = case_submit(
            category=category,
            title=title,
            description=description,
            division_code=code,
            address=texts.address(rng, village=name),
            contact_phone=texts.phone_number(rng),
            channel=Channel.WEB,
        )
        ids.append(case.pk)
    return ids


def _time_indexing(ids: list[int]) -> dict[str, list[float]]:
    from django.db import transaction

    from jiceng.cases import search
    from jiceng.cases.models import Case, CaseSearch

    # Time the insert a new case makes, also once case_submit indexes by itself.
    CaseSearch.objects.filter(case_id__in=ids).delete()
    times: dict[str, list[float]] = {"segment": [], "write": [], "cpu": []}
    for case in Case.objects.filter(pk__in=ids).select_related("division").order_by("pk"):
        wall, cpu = time.perf_counter(), time.process_time()
        text = search.search_text(case)
        segmented = time.perf_counter()
        with transaction.atomic():
            CaseSearch.objects.bulk_create(
                [CaseSearch(case_id=case.pk, text=text)],
                update_conflicts=True,
                unique_fields=["case"],
                update_fields=["text"],
            )
            # The commit is not counted: in case_submit the row shares the case's transaction.
            done = time.perf_counter()
        times["segment"].append((segmented - wall) * 1000)
        times["write"].append((done - segmented) * 1000)
        times["cpu"].append((time.process_time() - cpu) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    migrated_django(url)
    from jiceng.cases import search
    from jiceng.cases.models import Case
    from jiceng.demo.setup import build_units
    from jiceng.places.importer import load_demo_county

    load_demo_county()
    build_units()
    ids = _submit(args.n, random.Random(1))
    started = time.perf_counter()
    search.search_text(Case.objects.select_related("division").get(pk=ids[0]))
    seconds = time.perf_counter() - started
    print(f"first use (jieba dictionary and the place names): {seconds:.2f} s")
    times = _time_indexing(ids)
    print(f"database: {url.split('@')[-1]}; load average {os.getloadavg()[0]:.1f}; {args.n} cases")
    for name, values in times.items():
        print(
            f"{name}: median {statistics.median(values):.3f} ms, "
            f"mean {statistics.fmean(values):.3f} ms per case"
        )


if __name__ == "__main__":
    main()
