"""Policy matching speed: 10 rules over 100,000 residents (target < 5 s).

    JICENG_ENV=development JICENG_HOME=/tmp/fieldbench \\
        DATABASE_URL=sqlite:////tmp/fieldbench/db.sqlite3 \\
        .venv/bin/python bench/fieldwork/bench_policy_match.py [--people 100000] [--repeat 3]

Builds (once) a county of 40 villages with the given number of residents in
households of 1–5, with the attributes policies look at, then times a full
match of 10 active policies: listing only, and listing plus opening outreach
items (the first run opens them; a second run finds them all existing).
Each round starts with no outreach items; the medians of ``--repeat`` rounds
are printed last. Wall time and this process's CPU time are both shown: the
machine is shared, and on SQLite the CPU time is nearly all the work.
Disability is an encrypted health mark: rules 3 and 8 decrypt it in Python.
Use a scratch database: it writes people, policies and outreach items.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

RULES = [
    {
        "all": [
            {"field": "age", "op": ">=", "value": 80},
            {"field": "hukou", "op": "in", "value": "330681"},
        ]
    },
    {
        "all": [
            {"field": "dibao", "op": "is", "value": True},
            {"field": "in_school", "op": "is", "value": True},
        ]
    },
    {
        "all": [
            {"field": "disability", "op": "is", "value": True},
            {
                "any": [
                    {"field": "dibao", "op": "is", "value": True},
                    {"field": "extreme_poverty", "op": "is", "value": True},
                ]
            },
        ]
    },
    {
        "any": [
            {"field": "age", "op": ">=", "value": 65},
            {"field": "dibao", "op": "is", "value": True},
        ]
    },
    {"field": "veteran", "op": "is", "value": True},
    {
        "all": [
            {"field": "elderly_alone", "op": "is", "value": True},
            {"field": "age", "op": ">=", "value": 70},
        ]
    },
    {
        "all": [
            {"field": "left_behind_child", "op": "is", "value": True},
            {"field": "age", "op": "<", "value": 16},
        ]
    },
    {
        "all": [
            {"field": "age", "op": ">=", "value": 60},
            {"field": "disability", "op": "is", "value": True},
        ]
    },
    {
        "any": [
            {"field": "extreme_poverty", "op": "is", "value": True},
            {
                "all": [
                    {"field": "dibao", "op": "is", "value": True},
                    {"field": "age", "op": ">", "value": 70},
                ]
            },
        ]
    },
    {
        "all": [
            {"field": "age", "op": "==", "value": 60},
            {"field": "hukou", "op": "in", "value": "330681109"},
        ]
    },
]


def _build(people: int) -> None:
    from django.db import transaction

    from jiceng.people.models import Household, Resident
    from jiceng.places.models import Division, Grid, Level

    if Resident.objects.count() >= people:
        return
    rng = random.Random(1)
    today = date(2026, 3, 2)
    Division.objects.get_or_create(
        code="330681", defaults={"name": "诸暨市", "level": Level.COUNTY}
    )
    Division.objects.get_or_create(
        code="330681109",
        defaults={"name": "枫桥镇", "level": Level.TOWNSHIP, "parent_id": "330681"},
    )
    grids = []
    for index in range(1, 41):
        code = f"330681109{index:03d}"
        Division.objects.get_or_create(
            code=code,
            defaults={"name": f"村{index}", "level": Level.VILLAGE, "parent_id": "330681109"},
        )
        grids.append(
            Grid.objects.get_or_create(
                code=f"{code}001", defaults={"name": "一", "village_id": code}
            )[0]
        )
    made = 0
    with transaction.atomic():
        while made < people:
            homes = Household.objects.bulk_create(
                [
                    Household(grid=rng.choice(grids), address="x", dibao=rng.random() < 0.08)
                    for _ in range(2000)
                ]
            )
            batch = []
            for home in homes:
                for _ in range(rng.randint(1, 5)):
                    years = rng.randint(0, 99)
                    batch.append(
                        Resident(
                            household=home,
                            birth_date=today - timedelta(days=years * 365 + rng.randint(0, 364)),
                            hukou=home.grid.village_id,
                            elderly_alone=years > 65 and rng.random() < 0.2,
                            left_behind_child=years < 16 and rng.random() < 0.2,
                            disability=rng.random() < 0.06,
                            extreme_poverty=rng.random() < 0.01,
                            veteran=rng.random() < 0.03,
                            in_school=6 <= years <= 18,
                        )
                    )
            Resident.objects.bulk_create(batch[: people - made], batch_size=2000)
            made += min(len(batch), people - made)


def _empty_outreach() -> None:
    """An outreach table as on a first run: empty, and on PostgreSQL vacuumed.

    Without VACUUM each round's deleted rows stay in the indexes and the next
    round's inserts wade through them (2.6x slower in a test), which a real
    first run never meets.
    """
    from django.db import connection

    from jiceng.policies.models import Outreach

    Outreach.objects.all().delete()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {Outreach._meta.db_table}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    import django

    django.setup()
    from django.core.management import call_command

    from jiceng.core import clock
    from jiceng.policies.models import Policy
    from jiceng.policies.services import policies_match

    call_command("migrate", interactive=False, verbosity=0)
    started = time.perf_counter()
    _build(args.people)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # fresh bulk data: give the planner its statistics
    print(f"data ready in {time.perf_counter() - started:.1f} s")
    for index, rule in enumerate(RULES):
        Policy.objects.update_or_create(
            code=f"bench-{index}",
            defaults={
                "title": f"bench {index}",
                "issuing_body": "-",
                "summary": "-",
                "who_qualifies": "-",
                "benefit": "-",
                "how_to_apply": "-",
                "valid_from": date(2026, 1, 1),
                "scope": "330681",
                "rule": rule,
            },
        )
    steps = (("list only", False), ("open outreach", True), ("again (all exist)", True))
    timings: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in steps}
    for _round in range(args.repeat):
        _empty_outreach()
        with clock.frozen_at(clock.now()):
            for label, outreach in steps:
                wall, cpu = time.perf_counter(), time.process_time()
                matches = policies_match(outreach=outreach, today=date(2026, 3, 2))
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                timings[label].append((wall, cpu))
                print(
                    f"10 rules over {args.people:,} residents, {label:<18} "
                    f"{wall:5.2f} s wall, {cpu:5.2f} s CPU  ({len(matches):,} matches)"
                )
    print(f"medians of {args.repeat} rounds (load average {os.getloadavg()[0]:.1f}):")
    for label, values in timings.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"  {label:<18} {wall:5.2f} s wall, {cpu:5.2f} s CPU")


if __name__ == "__main__":
    main()
