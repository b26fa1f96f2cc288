"""Long sorted streams of tuples: ``values_list().iterator()`` without its per-row work.

``jiceng verify-history`` reads every case, event, rating and photo once, in case
order (bench/city/README.md, "History streamed"; ``bench/city/measure.py``). Django's
iterator runs each row through its compiler's result loop; on PostgreSQL it also loads
timestamps with Django's Python subclass of psycopg's loader. :func:`stream_tuples` runs
the query Django compiles (:class:`~jiceng.core.fast.rows.PlainQuery`: its SQL, its
converters) on Django's own chunked cursor (server-side on PostgreSQL), applying only the
columns' converters, and yields plain tuples. ``tests/core/test_fast_stream.py``
compares its rows with ``values_list()``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from django.db import connections
from django.db.models import QuerySet

from jiceng.core.fast.converters import C_TIMESTAMPTZ
from jiceng.core.fast.rows import PlainQuery


def stream_tuples(
    values: QuerySet[Any, Any], chunk_size: int = 2000, *, raw: Collection[str] = ()
) -> Iterator[tuple[Any, ...]]:
    """The rows of a ``values_list(*fields)`` queryset, as it would yield them, lazily.

    The fields named in ``raw`` are left as the driver gives them (a JSON field as its
    text), for a reader that decodes few of them.
    """
    plain = PlainQuery.of(values)  # type: ignore[arg-type]
    if plain is None:
        raise ValueError("stream_tuples takes a values_list() of fields, without extra()")
    if plain.sql is None:
        return
    connection = connections[plain.alias]
    steps = plain.steps(connection, raw=raw)
    with connection.chunked_cursor() as cursor:
        if plain.native_timestamps:
            cursor.cursor.adapters.register_loader("timestamptz", C_TIMESTAMPTZ)
        cursor.execute(plain.sql, plain.params)
        while fetched := cursor.fetchmany(chunk_size):
            if not steps:
                yield from map(tuple, fetched)
                continue
            for raw in fetched:
                row = list(raw)
                for position, convert in steps:
                    row[position] = convert(row[position])
                yield tuple(row)
