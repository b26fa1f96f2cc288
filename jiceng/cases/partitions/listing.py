"""What ``jiceng partitions list`` and ``verify-history`` say about partitions and archives."""

from __future__ import annotations

from django.db import connection

from jiceng.cases.models import ArchivedMonth
from jiceng.cases.partitions.tables import TABLES, attached, require_partitioned


def describe() -> list[str]:
    """One line per partition with its row count, then one per archived month."""
    require_partitioned()
    lines = []
    with connection.cursor() as cursor:
        for table in TABLES:
            for name in attached(table):
                cursor.execute(f"SELECT count(*) FROM {name}")  # noqa: S608
                lines.append(f"{name}: {cursor.fetchone()[0]} rows")
    note = archived_note()
    return [*lines, note] if note else lines


def archived_note() -> str:
    """Which months are archived, or "" when none is; verify-history prints it."""
    months = [str(month) for month in ArchivedMonth.objects.order_by("month")]
    if not months:
        return ""
    return (
        f"archived months: {', '.join(months)}: their events are checked in the archive; "
        "the live chains go on from the heads recorded when they were detached"
    )
