"""The whole walk in several processes, each over a slice of case ids, all in one snapshot.

PostgreSQL only. The walk is bound by the Python that recomputes each link (one core
does 45,000 to 73,000 events a second at 10M cases, by machine; bench/README.md), so a
city's history is walked by ``jobs`` processes side by side. The calling connection opens the
transaction and exports its snapshot (``pg_export_snapshot``); every slice imports it
(``SET TRANSACTION SNAPSHOT``), as ``pg_dump --jobs`` does, so all of them read the one
state of the database that a single walk would have read, and a transition committed
meanwhile is not half-seen. Slices are cut by case id, several per process so that
one slow range does not hold the others; their problems come back in slice order, which
is the order the single walk reports them in (``tests/cases/test_verify_parallel.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Max, Min

from jiceng.cases.anchor.lines import AnchorSummary
from jiceng.cases.anchor.reading import AnchorReader
from jiceng.cases.models import Case
from jiceng.cases.verification.streams import Slice, Streams
from jiceng.cases.verification.walk import Tampering
from jiceng.core.db.processes import pool

SLICES_PER_JOB = 4


def can_split(connection: BaseDatabaseWrapper) -> bool:
    """Whether a walk on this connection can be shared out: PostgreSQL, not inside a
    transaction of the caller's (whose own uncommitted rows no other process could see)."""
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def slices(first: int | None, last: int | None, count: int) -> list[Slice]:
    """``count`` slices of the ids from ``first`` to ``last``, open at both outer ends so
    that rows of cases below the first or above the last are still walked."""
    if first is None or last is None or count <= 1 or last - first < count:
        return [Slice()]
    step = (last - first + 1) / count
    cuts = [first + round(step * n) for n in range(1, count)]
    lows: list[int | None] = [None, *cuts]
    highs: list[int | None] = [*cuts, None]
    return [Slice(low, high) for low, high in zip(lows, highs, strict=True)]


def verify_in_slices(
    connection: BaseDatabaseWrapper,
    jobs: int,
    batch_size: int,
    anchor: AnchorReader | None,
    files: bool,
    count: int | None = None,
) -> Iterator[Tampering]:
    """What :func:`verification.verify` yields, walked by ``jobs`` processes.

    ``count`` slices (``jobs`` × ``SLICES_PER_JOB`` unless given). The anchor's own
    verdict (its problem and summary) is copied back onto ``anchor`` at the end.
    """
    from jiceng.cases.verification.run import one_snapshot

    with one_snapshot(connection):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        bounds = Case.objects.using(connection.alias).aggregate(first=Min("pk"), last=Max("pk"))
        parts = slices(bounds["first"], bounds["last"], count or jobs * SLICES_PER_JOB)
        workers = pool(min(jobs, len(parts)), connection.alias, connection.settings_dict)
        path = anchor.path if anchor is not None else None
        walk = partial(_walk_slice, connection.alias, snapshot, batch_size, path, files)
        try:
            for problems, verdict in workers.map(walk, parts):
                yield from problems
                if anchor is not None and verdict is not None:
                    anchor.problem, anchor.summary = verdict
        finally:
            workers.shutdown(wait=True, cancel_futures=True)


def _walk_slice(
    alias: str,
    snapshot: str,
    batch_size: int,
    anchor_path: Path | None,
    files: bool,
    part: Slice,
) -> tuple[list[Tampering], tuple[str, AnchorSummary | None] | None]:
    """One slice, in a worker process, in the snapshot the caller exported."""
    from jiceng.cases.verification.run import walk_streams

    anchor = AnchorReader(anchor_path) if anchor_path is not None else None
    connection = connections[alias]
    try:
        with transaction.atomic(using=alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SET TRANSACTION SNAPSHOT %s", [snapshot])
            problems = list(walk_streams(Streams(batch_size, anchor, part), files))
    finally:
        # Said goodbye to, not dropped when the process ends: the server's session is over
        # before the caller goes on (a test database can then be dropped at once).
        connection.close()
    verdict = (anchor.problem, anchor.summary) if anchor is not None and part.last else None
    return problems, verdict
