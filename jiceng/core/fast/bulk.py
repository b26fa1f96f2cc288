"""Many new rows at once, values as the database takes them: no model instance per row.

Two writers use it: a first policy-matching run over a county opens tens of thousands
of outreach items (:func:`insert_ignoring_conflicts`; bench/fieldwork/README.md,
``bench/fieldwork/bench_outreach_insert.py``), and a national division import inserts
hundreds of thousands of divisions (:func:`insert_all`; bench/divisions.md, "Where the
time goes", ``bench/import_divisions.py``). Building a model instance and preparing
each value through the ORM cost more than the inserts themselves. The caller gives
each value already prepared (``connection.ops.adapt_*``, JSON as text); the table and
columns come from the model's metadata, quoted. ``tests/core/test_fast_bulk.py``
compares the rows written with those of ``bulk_create``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connections, router
from django.db.models import Model

ARRAY_CHUNK = 20_000  # rows a PostgreSQL statement takes as arrays
VALUES_CHUNK = 500  # rows a SQLite statement takes (bounded by its parameter limit)
EXECUTEMANY_CHUNK = 20_000  # rows handed to one executemany: bounds the parameter lists


def _target(model: type[Model], names: Sequence[str], alias: str) -> str:
    """``table (column, …)``, quoted, the columns of the named fields in that order."""
    quote = connections[alias].ops.quote_name
    meta = model._meta
    columns = ", ".join(quote(str(meta.get_field(name).column)) for name in names)  # type: ignore[union-attr]
    return f"{quote(meta.db_table)} ({columns})"


def _array_type(model: type[Model], name: str, alias: str) -> str:
    """The column's type without its length (``varchar``): a cast never truncates."""
    db_type = model._meta.get_field(name).db_type(connections[alias]) or ""  # type: ignore[union-attr]
    return re.sub(r"\(.*\)", "", db_type)


def insert_ignoring_conflicts(
    model: type[Model], names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """``INSERT … ON CONFLICT DO NOTHING`` of ``rows``, in a few large statements.

    PostgreSQL receives one array per column (no per-row placeholders to parse and
    plan); SQLite multi-row ``VALUES``. Call it inside a transaction.
    """
    if connections[router.db_for_write(model)].vendor == "postgresql":
        insert_arrays(model, names, rows)
    else:
        insert_values(model, names, rows)


def insert_arrays(
    model: type[Model], names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """PostgreSQL: ``INSERT … SELECT * FROM unnest(%s::type[], …) ON CONFLICT DO NOTHING``."""
    alias = router.db_for_write(model)
    arrays = ", ".join(f"%s::{_array_type(model, name, alias)}[]" for name in names)
    # Only quoted model names and column types are formatted in; values are params.
    sql = f"INSERT INTO {_target(model, names, alias)} SELECT * FROM unnest({arrays}){_IGNORE}"  # noqa: S608
    with connections[alias].cursor() as cursor:
        for start in range(0, len(rows), ARRAY_CHUNK):
            columns = zip(*rows[start : start + ARRAY_CHUNK], strict=True)
            cursor.execute(sql, [list(column) for column in columns])


def insert_values(
    model: type[Model], names: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """Either database: ``INSERT … VALUES (…), (…) ON CONFLICT DO NOTHING``."""
    alias = router.db_for_write(model)
    head = f"INSERT INTO {_target(model, names, alias)} VALUES "  # noqa: S608 - quoted names
    marks = "(" + ", ".join(["%s"] * len(names)) + ")"
    with connections[alias].cursor() as cursor:
        for start in range(0, len(rows), VALUES_CHUNK):
            chunk = rows[start : start + VALUES_CHUNK]
            params = [value for row in chunk for value in row]
            cursor.execute(head + ", ".join([marks] * len(chunk)) + _IGNORE, params)


_IGNORE = " ON CONFLICT DO NOTHING"


def insert_all(model: type[Model], names: Sequence[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert ``rows``, all new: PostgreSQL's ``COPY``, SQLite's ``executemany``."""
    alias = router.db_for_write(model)
    connection = connections[alias]
    target = _target(model, names, alias)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {target} FROM STDIN") as copy:
                for values in rows:
                    copy.write_row(values)
            return
        # Only quoted model names are formatted in; every value is a parameter.
        marks = ", ".join(["%s"] * len(names))
        insert = f"INSERT INTO {target} VALUES ({marks})"  # noqa: S608
        chunk: list[tuple[Any, ...]] = []
        for values in rows:
            chunk.append(values)
            if len(chunk) == EXECUTEMANY_CHUNK:
                cursor.executemany(insert, chunk)
                chunk = []
        if chunk:
            cursor.executemany(insert, chunk)
