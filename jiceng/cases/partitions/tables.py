"""What the catalogue says about the partitioned history tables."""

from __future__ import annotations

from django.db import connection

from jiceng.cases.partitions.months import Month

# Events first: a rating's key points at its event, so ratings detach first (detach.py).
EVENTS, RATINGS = "cases_caseevent", "cases_rating"
TABLES = (EVENTS, RATINGS)


class NotPartitioned(Exception):
    """The database keeps plain tables (SQLite, or PostgreSQL before migration 0012)."""


def require_partitioned() -> None:
    if connection.vendor != "postgresql" or not is_partitioned(EVENTS):
        raise NotPartitioned("the case history is not partitioned here (PostgreSQL only)")


def is_partitioned(table: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass(%s)", [table])
        row = cursor.fetchone()
    return row is not None and row[0] == "p"


def attached(table: str) -> list[str]:
    """The names of the table's partitions, default included, sorted."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
            "WHERE i.inhparent = to_regclass(%s) ORDER BY c.relname",
            [table],
        )
        return [name for (name,) in cursor.fetchall()]


def partition_name(table: str, month: Month) -> str:
    return f"{table}_{month.suffix}"


def default_name(table: str) -> str:
    return f"{table}_default"


def count_between(table: str, month: Month) -> int:
    """Rows of ``table`` (or one of its partitions) dated within ``month``."""
    with connection.cursor() as cursor:
        within = f"SELECT count(*) FROM {table} WHERE at >= %s AND at < %s"  # noqa: S608
        cursor.execute(within, [month.start, month.end])
        return int(cursor.fetchone()[0])
