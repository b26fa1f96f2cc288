"""One conditional UPDATE by primary key, written out: ``filter(pk=…, x=seen).update(…)``.

Every case transition runs one (``cases.history.append``, ``WHERE version = seen``);
compiling it through ``QuerySet.update`` cost more than executing it (bench/README.md,
"Case submission through the service layer"; ``bench/bench_cases.py``). Values are
prepared by each field exactly as the ORM's update prepares them, and a model
instance stands for its pk. ``tests/core/test_fast_conditional.py`` compares the
statement and its row effects with the ORM's.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import Field, Model


@cache
def fields_by_name(model: type[Model]) -> dict[str, Field]:  # type: ignore[type-arg]
    """The model's concrete fields by name and by attname (``owner`` and ``owner_id``)."""
    return {key: f for f in model._meta.concrete_fields for key in {f.name, f.attname}}


def update_if(
    model: type[Model], pk: Any, *, where: tuple[str, Any], changes: Mapping[str, Any]
) -> int:
    """``UPDATE … SET changes WHERE pk = pk AND where[0] = where[1]``; the rows changed."""
    connection = connections[router.db_for_write(model)]
    quote = connection.ops.quote_name
    fields = fields_by_name(model)
    columns, params = [], []
    for name, value in changes.items():
        field = fields[name]
        if isinstance(value, Model):
            value = value.pk
        columns.append(f"{quote(field.column)} = %s")
        params.append(field.get_db_prep_save(value, connection))
    meta = model._meta
    table, pk_column = quote(meta.db_table), quote(meta.pk.column)  # type: ignore[union-attr]
    seen_column = quote(fields[where[0]].column)
    # Only quoted column names from the model's own metadata are formatted in; values are params.
    condition = f"{pk_column} = %s AND {seen_column} = %s"
    sql = f"UPDATE {table} SET {', '.join(columns)} WHERE {condition}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, pk, where[1]])
        return cursor.rowcount
