"""Making month partitions ahead of time, so no row lands in the default partition."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.backends.utils import CursorWrapper

from jiceng.cases.partitions.months import Month
from jiceng.cases.partitions.tables import (
    EVENTS,
    RATINGS,
    attached,
    count_between,
    default_name,
    partition_name,
    require_partitioned,
)
from jiceng.core import clock


def ensure(*, months_ahead: int = 3, since: Month | None = None) -> list[str]:
    """Make every month partition from this month (or ``since``, before a bulk load of
    past months) to ``months_ahead`` ahead; the new names.

    Safe to run from several workers at once: each month is made under a lock of its
    own, and a month already there is left alone.
    """
    require_partitioned()
    month, last = Month.of(clock.now()), Month.of(clock.now()).plus(months_ahead)
    month = min(month, since or month)
    made: list[str] = []
    while month <= last:
        made += make_month(month)
        month = month.plus(1)
    return sorted(made)


def make_month(month: Month) -> list[str]:
    """Make one month's event and rating partitions, moving its rows out of the defaults.

    Plain tables are made and then attached: attaching takes a lighter lock on the parent
    than ``CREATE TABLE ... PARTITION OF``, so writes to other months go on meanwhile.
    Ratings move out before their events and come in after them: a rating's key points
    at its event's ``(id, at)``, which must never be missing when checked.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"partition {month}"])
        missing = [t for t in (RATINGS, EVENTS) if partition_name(t, month) not in attached(t)]
        moved = [_fill(cursor, table, month) for table in missing]
        if any(moved):
            # Check the moved events' keys now, while their ratings are out of the table:
            # checked at commit, PostgreSQL would look for them in the default partition.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for table in reversed(missing):
            cursor.execute(
                f"ALTER TABLE {table} ATTACH PARTITION {partition_name(table, month)} "
                f"FOR VALUES FROM ('{month.start.isoformat()}') TO ('{month.end.isoformat()}')"
            )
        if any(moved):
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")  # as Django makes its keys
    return [partition_name(table, month) for table in missing]


def _fill(cursor: CursorWrapper, table: str, month: Month) -> bool:
    """A plain table shaped like ``table``, holding the month's rows from its default;
    whether there were any."""
    name, default = partition_name(table, month), default_name(table)
    like = f"LIKE {table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS"
    cursor.execute(f"CREATE TABLE {name} ({like})")
    if count_between(default, month):
        cursor.execute(
            f"WITH moved AS (DELETE FROM {default} WHERE at >= %s AND at < %s RETURNING *) "  # noqa: S608
            f"INSERT INTO {name} SELECT * FROM moved",
            [month.start, month.end],
        )
        return True
    return False
