"""Secondary indexes and constraints set aside during a large load, rebuilt afterwards.

Read from the catalogue, not written here: whatever the migrations (or a partitioning
change) made is what comes back. Primary keys stay: rows arrive in key order.

Adding a foreign key checks every row with one anti-join per partition of the
referencing table (``RI_Initial_Check``). Left to the planner, a key into one of the
loaded tables (cases, or the events' ``(id, at)``) is checked by hashing or scanning the
whole referenced table once per month of the referencing one: 41 months, 41 passes over
ten million cases or fifty million events. With hash and merge joins off for those
statements the check probes the referenced primary key once per row, so it grows with
the rows, not with rows × months (the plans are in bench/city/README.md, "Session 10").
Keys into the small tables (units, users, residents, categories), and the plain search
table's key (one pass), keep the planner's join. The tables are analysed first, so the
planner counts rows it has (without statistics it chose the whole-table joins).
"""

from __future__ import annotations

import itertools
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg

_CONSTRAINTS = """
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %s::regclass AND contype IN ('f', 'u') AND conparentid = 0
"""
_INDEXES = """
SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = %s::regclass AND NOT i.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
"""
_PARTITIONED = "SELECT relname FROM pg_class WHERE relname = ANY(%s) AND relkind = 'p'"
MEMORY = "SET maintenance_work_mem = '1GB'"
PROBE = ("SET enable_hashjoin = off", "SET enable_mergejoin = off")


def set_aside(pg: Any, tables: list[str]) -> tuple[list[str], list[str]]:
    """Drop the tables' secondary indexes and FK/unique constraints; the statements to redo."""
    indexes, constraints = [], []
    with pg.cursor() as cursor:
        for table in tables:
            for name, definition in cursor.execute(_CONSTRAINTS, [table]).fetchall():
                cursor.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
                constraints.append(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
            for name, definition in cursor.execute(_INDEXES, [table]).fetchall():
                cursor.execute(f'DROP INDEX "{name}"')
                # A partitioned table's index reads "ON ONLY parent": built that way it
                # stays invalid, with no index on any month. Built on the parent, it
                # recurses into every partition.
                indexes.append(definition.replace(" ON ONLY ", " ON ", 1))
    pg.commit()
    return indexes, constraints


def analyze(dsn: str, tables: list[str]) -> None:
    """Statistics of the loaded tables (a partitioned one's and its months'), before the
    constraints' checks are planned."""
    with psycopg.connect(dsn, autocommit=True) as pg:
        for table in tables:
            _timed(pg, f'ANALYZE "{table}"')


def _timed(pg: Any, statement: str) -> None:
    started = time.perf_counter()
    pg.execute(statement)
    took = time.perf_counter() - started
    print(f"  {took:7.1f} s  {statement[:110]}", file=sys.stderr, flush=True)


def probes(statement: str, tables: list[str], partitioned: set[str]) -> bool:
    """Whether a foreign key of a partitioned table points into one of the loaded tables
    (a plain table's key is checked in one pass, which the planner's hash join does well)."""
    if " FOREIGN KEY " not in statement:
        return False
    return statement.split('"')[1] in partitioned and any(
        f" REFERENCES {table}(" in statement for table in tables
    )


def _run(dsn: str, statement: str, probed: bool) -> None:
    with psycopg.connect(dsn, autocommit=True) as pg:
        pg.execute(MEMORY)
        if probed:
            for setting in PROBE:
                pg.execute(setting)  # type: ignore[arg-type]
        _timed(pg, statement)


def _longest_first(statement: str) -> int:
    return 0 if " USING gin " in statement else 1  # the GIN build is the longest by far


def _alternating(statements: list[str]) -> list[str]:
    """One table's constraints after another's: two ALTER TABLEs of one table wait for
    each other (each holds the table's SHARE ROW EXCLUSIVE lock until it commits)."""
    by_table: dict[str, list[str]] = {}
    for statement in statements:
        by_table.setdefault(statement.split('"')[1], []).append(statement)
    rounds = itertools.zip_longest(*by_table.values())
    return [statement for round_ in rounds for statement in round_ if statement is not None]


def restore(
    dsn: str, indexes: list[str], constraints: list[str], tables: list[str], workers: int = 2
) -> None:
    """Rebuild the indexes, then the constraints (unique ones first: FKs may need them)."""
    with psycopg.connect(dsn) as pg:
        kinds = pg.execute(_PARTITIONED, [tables]).fetchall()
    partitioned = {name for (name,) in kinds}
    unique = [s for s in constraints if " UNIQUE " in s]
    foreign = _alternating([s for s in constraints if s not in unique])
    for group in (sorted(indexes + unique, key=_longest_first), foreign):
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda s: _run(dsn, s, probes(s, tables, partitioned)), group))
