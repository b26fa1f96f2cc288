"""Likely duplicates at intake (``cases.intake.likely_duplicates``) with 100,000 cases stored.

    .venv/bin/python bench/bench_duplicates_intake.py [--cases 100000] [--queries 300]
    .venv/bin/python bench/bench_duplicates_intake.py --database-url postgres://postgres@127.0.0.1:5432/jiceng_intake_bench

Creates a fresh database (a temporary SQLite file by default), loads the demo
county 诸暨市 and bulk-inserts ``--cases`` open requests with generated demo
texts spread over its villages (bench data: rows written directly, without
events, which the lookup does not read). Then it measures what a dispatcher
opening a submitted request pays:

* the cold build of the per-process index from the database (first lookup);
* a lookup: pick up new cases above the id watermark, query the index, load and
  scope-check the candidates — the median and p90 over ``--queries`` new
  requests, each submitted through ``case_submit`` just before (so every lookup
  also adds one case incrementally), each a reworded copy of a stored case;
* whether the stored case comes back among the hits.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import tempfile
import time
from datetime import timedelta

from _django_setup import migrated_django

_CLAUSE = re.compile(r"(?<=[。！？，；])")


def reworded(text: str, rng: random.Random) -> str:
    """The same report in other words: its clauses reordered, one dropped, a new ending."""
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    rng.shuffle(clauses)
    if len(clauses) > 3:
        clauses.pop()
    return "".join(clauses) + "麻烦尽快处理一下。"


def _insert_cases(count: int, rng: random.Random) -> list[tuple[int, str, str]]:
    from django.db import transaction

    from jiceng.cases.models import Case, Category, Channel, State
    from jiceng.core import clock
    from jiceng.demo import texts
    from jiceng.people.units import dispatch_centre
    from jiceng.places.models import Division, Level

    villages = list(
        Division.objects.filter(code__startswith="330681", level=Level.VILLAGE).values_list(
            "code", "name"
        )
    )
    categories = list(Category.objects.all())
    centre = dispatch_centre("330681")
    now = clock.now()
    batch: list[Case] = []
    for i in range(count):
        code, name = rng.choice(villages)
        category = rng.choice(categories)
        title, description = texts.request_text(category.code, rng, village=name, township="")
        at = now - timedelta(days=80 * rng.random())
        batch.append(
            Case(
                number=f"B{i:09d}",
                state=State.DISPATCHED,
                category=category,
                channel=Channel.WEB,
                title=title,
                description=description,
                division_id=code,
                owner=centre,
                submitted_at=at,
                owner_since=at,
            )
        )
        if len(batch) == 5000:
            with transaction.atomic():
                Case.objects.bulk_create(batch)
            batch = []
    if batch:
        Case.objects.bulk_create(batch)
    return list(Case.objects.values_list("pk", "title", "description"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="jiceng-dup-bench-")
    migrated_django(args.database_url or f"sqlite:///{folder}/bench.sqlite3")

    from jiceng.cases import intake
    from jiceng.cases.models import Case, Category, Channel
    from jiceng.cases.services import case_submit
    from jiceng.core import memo
    from jiceng.demo import setup
    from jiceng.people.models import Role, User
    from jiceng.people.units import dispatch_centre
    from jiceng.places.importer import load_demo_county

    load_demo_county()
    setup.build_units()
    dispatcher = User.objects.create_user(
        username="bench-dispatcher",
        password=None,
        role=Role.DISPATCHER,
        unit=dispatch_centre(setup.COUNTY),
    )
    rng = random.Random(0)
    started = time.perf_counter()
    stored = _insert_cases(args.cases, rng)
    print(f"inserted {len(stored)} cases in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    memo.forget_all()  # the index is built from the cases, as after a restart
    probe = Case.objects.order_by("pk").first()
    assert probe is not None
    intake.likely_duplicates(dispatcher, probe)
    build = time.perf_counter() - started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"cold index build from the database: {build:.1f} s; peak RSS {rss_mb:.0f} MB")

    other = Category.objects.get(code="other")
    timings, cpu_timings, found = [], [], 0
    for pk, title, description in rng.sample(stored, args.queries):
        source = Case.objects.only("division_id").get(pk=pk)
        case = case_submit(
            category=other,
            title="",
            description=reworded(f"{title}\n{description}", rng)[:5000],
            division_code=source.division_id,
            contact_phone="13812345678",
            channel=Channel.PHONE,
        )
        t, cpu = time.perf_counter(), time.process_time()
        hits = intake.likely_duplicates(dispatcher, case)
        timings.append(time.perf_counter() - t)
        cpu_timings.append(time.process_time() - cpu)
        found += any(h.case.pk == pk for h in hits)
    timings.sort()
    median, p90 = statistics.median(timings), timings[int(len(timings) * 0.9)]
    print(
        f"lookup over {len(timings)} new requests (each added incrementally first): "
        f"median {median * 1e3:.1f} ms, p90 {p90 * 1e3:.1f} ms, max {timings[-1] * 1e3:.1f} ms"
    )
    cpu_median = statistics.median(cpu_timings) * 1e3
    print(f"  CPU time of this process (SQLite included): median {cpu_median:.1f} ms")
    print(f"stored case among the hits: {found}/{len(timings)}")
    load = os.getloadavg()
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
