"""One INSERT of a new row, written out: for the few writes on the hottest path (intake).

``Model.save(force_insert=True)`` compiles its statement anew on every call; on a
submission, which inserts three rows, that compiling cost more than the database
work (bench/README.md, "Case submission through the service layer";
``bench/bench_cases.py``). :func:`insert_row` builds each model's statement once and
prepares every value through its own field (``pre_save``, then ``get_db_prep_save``),
exactly as the ORM's insert does.

What it leaves out, on purpose: model signals (none of the models it is used on
has receivers; adding one means going back to ``save``), and multi-table
inheritance. ``tests/core/test_fast_inserts_sql.py`` checks the statement and its
parameters are the ORM's, ``tests/core/test_inserts.py`` the rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.db import connections, router
from django.db.models import Field, Model


@dataclass(frozen=True)
class _Plan:
    sql: str
    fields: tuple[Field, ...]  # type: ignore[type-arg]
    returns_pk: bool


@cache
def _plan(model: type[Model], alias: str, with_pk: bool) -> _Plan:
    connection = connections[alias]
    quote = connection.ops.quote_name
    meta = model._meta
    fields = tuple(f for f in meta.concrete_fields if with_pk or f is not meta.pk)
    columns = ", ".join(quote(f.column) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    returns_pk = not with_pk
    if returns_pk:
        sql += f" RETURNING {quote(meta.pk.column)}"
    return _Plan(sql, fields, returns_pk)


def insert_row(instance: Model) -> None:
    """Insert ``instance`` as a new row and set its pk, as ``save(force_insert=True)`` would."""
    model = type(instance)
    alias = router.db_for_write(model, instance=instance)
    connection = connections[alias]
    plan = _plan(model, alias, instance.pk is not None)
    params = [f.get_db_prep_save(f.pre_save(instance, True), connection) for f in plan.fields]
    with connection.cursor() as cursor:
        cursor.execute(plan.sql, params)
        if plan.returns_pk:
            instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = alias
