"""The plans of the foreign-key checks that ``indexes.restore`` makes PostgreSQL run.

    JICENG_ENV=test .venv/bin/python -m bench.city.fkplans --analyze \\
        --database-url postgres://postgres@127.0.0.1:5432/jiceng_city_small

Adding a foreign key runs, for each partition of the referencing table, the anti-join
below (``RI_Initial_Check`` in PostgreSQL's ``ri_triggers.c``, with ``work_mem`` raised
to ``maintenance_work_mem``). This prints its plan for one month of each partitioned
table (the fullest) and for the plain tables, as the planner picks it and with hash and
merge joins off (``indexes.PROBE``); with ``--analyze``, the time each takes.
"""

from __future__ import annotations

import argparse
import re

import psycopg

from bench.city.indexes import MEMORY, PROBE

TABLES = ("cases_case", "cases_caseevent", "cases_rating", "cases_casesearch")
_KEYS = """
SELECT pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid = %s::regclass AND contype = 'f' AND conparentid = 0 ORDER BY conname
"""
_FULLEST = """
SELECT c.oid::regclass::text FROM pg_partition_tree(%s::regclass) t
JOIN pg_class c ON c.oid = t.relid WHERE t.isleaf ORDER BY c.reltuples DESC LIMIT 1
"""
_DEFINITION = re.compile(r"FOREIGN KEY \((.+)\) REFERENCES (\w+)\((.+)\)")


def check(pg: psycopg.Connection, table: str, definition: str) -> str:
    """The anti-join that validates ``definition`` on ``table`` (one leaf)."""
    found = _DEFINITION.match(definition)
    assert found, definition
    keys, referenced, columns = (
        [c.strip() for c in found[1].split(",")],
        found[2],
        [c.strip() for c in found[3].split(",")],
    )
    kind = pg.execute("SELECT relkind FROM pg_class WHERE oid = %s::regclass", [referenced])
    only = "" if kind.fetchone()[0] == "p" else "ONLY "  # type: ignore[index]
    on = " AND ".join(f"pk.{c} = fk.{k}" for k, c in zip(keys, columns, strict=True))
    present = " AND ".join(f"fk.{k} IS NOT NULL" for k in keys)
    return (
        f"SELECT fk.{keys[0]} FROM ONLY {table} fk LEFT JOIN {only}{referenced} pk ON {on} "
        f"WHERE pk.{columns[0]} IS NULL AND ({present})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--analyze", action="store_true", help="run each check (EXPLAIN ANALYZE)")
    args = parser.parse_args(argv)
    explain = "EXPLAIN (ANALYZE, TIMING OFF)" if args.analyze else "EXPLAIN"
    with psycopg.connect(args.database_url, autocommit=True) as pg:
        pg.execute(MEMORY)
        pg.execute("SET work_mem = '1GB'")  # as RI_Initial_Check does
        for table in TABLES:
            leaf = pg.execute(_FULLEST, [table]).fetchone()
            name = leaf[0] if leaf else table
            for (definition,) in pg.execute(_KEYS, [table]).fetchall():
                query = check(pg, name, definition)
                print(f"\n{name}: {definition}")
                for settings in ((), PROBE):
                    for setting in settings:
                        pg.execute(setting)  # type: ignore[arg-type]
                    plan = [r[0] for r in pg.execute(f"{explain} {query}")]  # type: ignore[arg-type]
                    label = "probes" if settings else "planner"
                    print(f"  {label}: {plan[0].strip()}")
                    for line in plan[1:]:
                        if "Join" in line or "Nested" in line or "Execution" in line:
                            print(f"      {line.strip()[:120]}")
                    pg.execute("RESET enable_hashjoin")
                    pg.execute("RESET enable_mergejoin")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
