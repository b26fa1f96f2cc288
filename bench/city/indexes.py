"""Secondary indexes and constraints set aside during a large load, rebuilt afterwards.

Read from the catalogue, not written here: whatever the migrations (or a partitioning
change) made is what comes back. Primary keys stay: rows arrive in key order.
"""

from __future__ import annotations

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
MEMORY = "SET maintenance_work_mem = '1GB'"


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


def _run(dsn: str, statement: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as pg:
        pg.execute(MEMORY)
        pg.execute(statement)  # type: ignore[arg-type]


def restore(dsn: str, indexes: list[str], constraints: list[str], workers: int = 2) -> None:
    """Rebuild the indexes, then the constraints (unique ones first: FKs may need them)."""
    unique = [s for s in constraints if " UNIQUE " in s]
    foreign = [s for s in constraints if s not in unique]
    for group in (indexes + unique, foreign):
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(lambda statement: _run(dsn, statement), group))
