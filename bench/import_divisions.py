"""Benchmark: import the national division files into a fresh database, then again.

Each run starts a child process on a fresh scratch database (an SQLite file in
a temporary folder; with a PostgreSQL ``DATABASE_URL``, also the database
``jiceng_bench_divisions`` on that server, dropped and created per run),
migrates it, imports provinces → cities → areas → streets → villages timing
each file, then imports them all again: the idempotent re-import that must
write nothing. It repeats that ``--runs`` times and prints the median of each
figure, with the child's peak memory. A child process per run, because Django
reads DATABASE_URL once at start-up.

Run from the project root:

    .venv/bin/python bench/import_divisions.py [--runs 3] [--data ../shared/data/divisions]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/import_divisions.py
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "divisions"
FILES = ("provinces", "cities", "areas", "streets", "villages")
SCRATCH_PG_DATABASE = "jiceng_bench_divisions"


def child(data: Path) -> None:
    """One run inside a configured process: migrate, import twice, print JSON."""
    import resource

    import django

    django.setup()
    from django.core.management import call_command

    from jiceng.places.importer import import_divisions

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    call_command("migrate", verbosity=0)
    result: dict[str, Any] = {
        "rows": {},
        "first": {},
        "again": {},
        "first_cpu": {},
        "again_cpu": {},
    }
    for kind in ("first", "again"):
        for name in FILES:
            started = cpu()
            report = import_divisions(data / f"{name}.csv.gz")
            expected = report.created if kind == "first" else report.unchanged
            assert expected == report.rows_read, report.summary()
            result[kind][name] = report.seconds
            result[f"{kind}_cpu"][name] = cpu() - started
            result["rows"][name] = report.rows_read
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_once(database_url: str, data: Path, home: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "jiceng.settings",
        # Test keys and no DEBUG query log: a throwaway database, timed like production.
        "JICENG_ENV": "test",
        "JICENG_DEBUG": "0",
        "JICENG_HOME": str(home),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, __file__, "--child", "--data", str(data)]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"benchmark run failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


@contextmanager
def sqlite_database() -> Iterator[str]:
    folder = Path(tempfile.mkdtemp(prefix="bench-divisions-"))
    try:
        yield f"sqlite:///{folder / 'bench.sqlite3'}"
    finally:
        shutil.rmtree(folder)


@contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    import psycopg

    base, _, _ = server_url.rpartition("/")
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG_DATABASE}")
        admin.execute(f"CREATE DATABASE {SCRATCH_PG_DATABASE}")
        try:
            yield f"{base}/{SCRATCH_PG_DATABASE}"
        finally:
            admin.execute(f"DROP DATABASE IF EXISTS {SCRATCH_PG_DATABASE}")


def median_table(label: str, runs: list[dict[str, Any]]) -> str:
    kinds = ("first", "first_cpu", "again", "again_cpu")

    def median(kind: str, name: str | None) -> float:
        if name is None:  # all five files: the median of each run's total
            return statistics.median(sum(run[kind].values()) for run in runs)
        return statistics.median(run[kind][name] for run in runs)

    rows = runs[0]["rows"]
    lines = [
        f"{label}: median of {len(runs)} runs, seconds (cpu: this process only)",
        f"{'file':<10} {'rows':>8} {'first import':>13} {'cpu':>6} {'re-import':>10} {'cpu':>6}",
    ]
    for name, count in [*((n, rows[n]) for n in FILES), (None, sum(rows.values()))]:
        first, first_cpu, again, again_cpu = (median(kind, name) for kind in kinds)
        lines.append(
            f"{name or 'all five':<10} {count:>8,} {first:>13.2f} {first_cpu:>6.2f}"
            f" {again:>10.2f} {again_cpu:>6.2f}"
        )
    peak = statistics.median(run["peak_mb"] for run in runs)
    lines.append(f"peak memory of a run: {peak:.0f} MB")
    return "\n".join(lines)


def bench(label: str, database: Any, runs: int, data: Path) -> None:
    results = []
    for _ in range(runs):
        with database() as url, tempfile.TemporaryDirectory() as home:
            results.append(run_once(url, data, Path(home)))
    print(median_table(label, results) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.data)
        return
    print(f"{platform.python_version()=} {sqlite3.sqlite_version=} {os.cpu_count()=}")
    print(f"load average before: {os.getloadavg()}\n")
    bench("SQLite", sqlite_database, args.runs, args.data)
    server = os.environ.get("DATABASE_URL", "")
    if server.startswith(("postgres://", "postgresql://")):
        bench("PostgreSQL", lambda: postgres_database(server), args.runs, args.data)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
