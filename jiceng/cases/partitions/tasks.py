"""The worker's daily job: month partitions stay made three months ahead."""

from __future__ import annotations

from django_tasks import task

from jiceng.cases.partitions.ensure import ensure
from jiceng.cases.partitions.tables import NotPartitioned

MONTHS_AHEAD = 3


@task()
def ensure_partitions_task() -> str:
    """The partitions made, or why none could be (SQLite keeps plain tables)."""
    try:
        return ", ".join(ensure(months_ahead=MONTHS_AHEAD)) or "all there"
    except NotPartitioned as reason:
        return str(reason)
