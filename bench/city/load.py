"""The whole load: small tables through the application, big ones by COPY from 2 processes."""

from __future__ import annotations

import importlib.util
import multiprocessing
import random
import time
from datetime import UTC, datetime, timedelta

import psycopg
from django.conf import settings
from django.db import connection, connections

from bench.city import indexes, organisation
from bench.city.copying import MODELS
from bench.city.texts import build_pools
from bench.city.workers import Plan, work
from bench.city.world import load_world
from jiceng.cases.models import CaseSearch
from jiceng.cases.partitions.ensure import ensure
from jiceng.cases.partitions.months import Month
from jiceng.demo import texts
from jiceng.people.models import Resident

LARGE = 200_000  # from this many cases, indexes and constraints are rebuilt after the load


def dsn() -> str:
    s = connection.settings_dict
    return psycopg.conninfo.make_conninfo(
        dbname=s["NAME"],
        host=s["HOST"] or "",
        port=str(s["PORT"] or ""),
        user=s["USER"] or "",
        password=s["PASSWORD"] or "",
    )


def make_residents(count: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    made = []
    for start in range(0, count, 5000):
        batch = []
        for _ in range(min(5000, count - start)):
            resident = Resident(name=texts.person_name(rng))
            resident.set_phone(texts.phone_number(rng))
            batch.append(resident)
        made += [r.pk for r in Resident.objects.bulk_create(batch)]
    return made


def rebuild_rollups() -> str:
    """The rate rollups' rebuild, once ``jiceng rollups`` exists (a parallel change)."""
    if importlib.util.find_spec("jiceng.cli.rollups") is None:
        return "no `jiceng rollups` command yet: rollups not rebuilt"
    from jiceng.cli.parser import main

    return f"`jiceng rollups rebuild` exited {main(['rollups', 'rebuild'])}"


_SIZE = """
SELECT pg_total_relation_size(t) + coalesce(
  (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree(t) WHERE relid <> t), 0)
FROM CAST(%s AS regclass) t
"""


def _sizes(pg: psycopg.Connection) -> dict[str, int]:
    """Bytes of each table with its indexes and TOAST; a partitioned one's months summed."""
    tables = [m._meta.db_table for m in MODELS]
    found = {t: pg.execute(_SIZE, [t]).fetchone()[0] for t in tables}  # type: ignore[index]
    found["database"] = pg.execute("SELECT pg_database_size(current_database())").fetchone()[0]  # type: ignore[index]
    return found


def load_city(
    *,
    cases: int,
    city: str = "3306",
    years: int = 3,
    end: datetime | None = None,
    seed: int = 19,
    workers: int = 2,
    batch: int = 2000,
) -> dict[str, object]:
    """Generate and load ``cases`` cases of ``city``; returns timings (s) and sizes (bytes)."""
    took: dict[str, object] = {}
    clock = time.perf_counter()
    end = end or datetime.now(UTC).replace(microsecond=0)
    organisation.import_city(city)
    organisation.onboard_city(city)
    world = load_world(city, make_residents(max(50, min(cases // 10, 200_000)), seed))
    pools = build_pools(city, min(cases, 40_000), seed)
    took["setup"], clock = time.perf_counter() - clock, time.perf_counter()
    plan = Plan(
        cases,
        batch,
        workers,
        end - timedelta(days=365 * years),
        end,
        seed,
        dsn(),
        timedelta(days=settings.JICENG_RATING_WINDOW_DAYS),
    )
    tables = [m._meta.db_table for m in MODELS]
    if connection.vendor == "postgresql":
        # Every month of the period gets its partition first, as docs/partitions.md asks of
        # a bulk load: the rows go straight to their months, none to the default.
        ensure(months_ahead=3, since=Month.of(plan.start))
    with psycopg.connect(plan.dsn) as pg:
        redo = indexes.set_aside(pg, tables) if cases >= LARGE else ([], [])
    connections.close_all()  # the children must not share the parent's connection
    context = multiprocessing.get_context("fork")
    children = [context.Process(target=work, args=(plan, world, pools, w)) for w in range(workers)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    failed = [c.exitcode for c in children if c.exitcode != 0]
    took["copy"], clock = time.perf_counter() - clock, time.perf_counter()
    indexes.analyze(plan.dsn, tables)
    took["analyze"], clock = time.perf_counter() - clock, time.perf_counter()
    indexes.restore(plan.dsn, *redo, tables=tables, workers=workers)
    took["indexes"], clock = time.perf_counter() - clock, time.perf_counter()
    with psycopg.connect(plan.dsn, autocommit=True) as pg:
        for table in tables:
            if table != CaseSearch._meta.db_table:  # keyed by its case, no sequence
                sequence = f"pg_get_serial_sequence('{table}', 'id')"
                pg.execute(f'SELECT setval({sequence}, max(id)) FROM "{table}"')
            pg.execute(f'VACUUM "{table}"')  # analysed before the indexes
        took["vacuum"] = time.perf_counter() - clock
        took["rollups"] = rebuild_rollups()
        took["sizes"] = _sizes(pg)
    if failed:
        raise RuntimeError(f"a generating process failed: exit codes {failed}")
    return took
