"""Rows updated by primary key in one ``executemany``: ``bulk_update`` without its CASE.

``QuerySet.bulk_update`` writes a batch as one UPDATE with a ``CASE WHEN pk = … THEN …``
per field and row, and compiles every branch as an expression: for the outbox's batch of
messages that cost more than sending them (bench/README.md, "Outbox drain";
``bench/outbox_drain.py``). :func:`update_rows` sends one plain
``UPDATE … WHERE pk = %s`` for all rows with ``executemany``, every value prepared
through its own field (``get_db_prep_save``), as the ORM's update does. Like
``bulk_update`` it sends no signals and runs no ``pre_save`` (``auto_now`` fields are
not touched). ``tests/core/test_fast_updates_sql.py`` checks each row's statement is
the ORM's ``update``, ``tests/core/test_updates.py`` the rows.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, router, transaction
from django.db.models import Model


def update_rows(rows: Sequence[Model], fields: Sequence[str]) -> None:
    """Write ``fields`` of each row (all of one model) by its primary key, in one transaction."""
    if not rows:
        return
    model = type(rows[0])
    meta = model._meta
    alias = router.db_for_write(model)
    connection = connections[alias]
    quote = connection.ops.quote_name
    columns = [meta.get_field(name) for name in fields]
    assignments = ", ".join(f"{quote(str(f.column))} = %s" for f in columns)  # type: ignore[union-attr]
    pk = str(meta.pk.column)  # type: ignore[union-attr]
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(pk)} = %s"  # noqa: S608
    params = [
        [f.get_db_prep_save(getattr(row, f.attname), connection) for f in columns]  # type: ignore[union-attr]
        + [row.pk]
        for row in rows
    ]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.executemany(sql, params)
