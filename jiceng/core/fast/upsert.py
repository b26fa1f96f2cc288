"""One row inserted or, on a conflict of its key, updated: ``bulk_create(update_conflicts=…)``.

The search row of a case is written inside every submission
(``cases.search.index_case``), where compiling the ORM's
``bulk_create(update_conflicts=True)`` cost more than the statement itself
(bench/search.md, "Cost added to each case written"; ``bench/bench_search_write.py``).
:func:`upsert_row` builds each model's statement once, with the table and columns
from the model's metadata, quoted, and prepares every value through its own field
(``get_db_prep_save``), as ``bulk_create`` does.
``tests/core/test_fast_upsert.py`` checks the statement is the one the ORM writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import Field, Model


@cache
def _plan(
    model: type[Model], alias: str, key: str, names: tuple[str, ...]
) -> tuple[str, tuple[Field, ...]]:  # type: ignore[type-arg]
    quote = connections[alias].ops.quote_name
    meta = model._meta
    fields = tuple(meta.get_field(name) for name in (key, *names))
    columns = [quote(str(f.column)) for f in fields]  # type: ignore[union-attr]
    marks = ", ".join(["%s"] * len(columns))
    updates = ", ".join(f"{column} = EXCLUDED.{column}" for column in columns[1:])
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(columns)}) VALUES ({marks}) "  # noqa: S608
        f"ON CONFLICT({columns[0]}) DO UPDATE SET {updates}"
    )
    return sql, fields  # type: ignore[return-value]


def upsert_row(model: type[Model], values: Mapping[str, Any], *, key: str) -> None:
    """Insert a row of ``values`` (by field name), or update the row that has its ``key``.

    ``key`` is a unique field and one of ``values``; every other value is set on
    conflict. No model instance is built and no signal sent, as with ``bulk_create``.
    """
    alias = router.db_for_write(model)
    connection = connections[alias]
    sql, fields = _plan(model, alias, key, tuple(name for name in values if name != key))
    params = [f.get_db_prep_save(values[f.name], connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
