"""The walk itself, over one snapshot of the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from jiceng.cases.anchor.reading import AnchorReader
from jiceng.cases.models import Case
from jiceng.cases.verification.events import check_case, walk_events
from jiceng.cases.verification.parallel import can_split, verify_in_slices
from jiceng.cases.verification.rows import check_photos, check_ratings
from jiceng.cases.verification.streams import Streams
from jiceng.cases.verification.walk import Tampering, Walk
from jiceng.core.crypto import history_key


def verify(
    batch_size: int = 2000,
    *,
    anchor: AnchorReader | None = None,
    files: bool = False,
    jobs: int = 1,
) -> Iterator[Tampering]:
    """Yield every place where history, case rows, ratings or photos no longer agree.

    With ``anchor``, also every case deleted, inserted or rolled back since it was written;
    with ``files``, also every photo whose bytes on storage changed. With ``jobs`` over 1
    on PostgreSQL, that many processes walk slices of the cases in the same snapshot
    (``verification.parallel``); the problems and their order are the same.
    """
    connection = connections[router.db_for_read(Case)]
    if jobs > 1 and can_split(connection):
        yield from verify_in_slices(connection, jobs, batch_size, anchor, files)
        return
    with one_snapshot(connection):
        yield from _verify(batch_size, anchor, files)


@contextmanager
def one_snapshot(connection: BaseDatabaseWrapper) -> Iterator[None]:
    """Every stream reads one snapshot, or a transition committed mid-walk reads as tampering.

    A read-only transaction, opened by hand on SQLite: Django's own would take the
    writers' lock (core.db.sqlite3) and hold up every write for the whole walk. On
    PostgreSQL, inside a transaction the cursors also stream lazily instead of being
    materialised whole by the server (WITH HOLD).
    """
    if connection.in_atomic_block:  # the caller's transaction already holds one
        yield
    elif connection.vendor == "postgresql":
        with transaction.atomic(using=connection.alias):
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    else:
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")  # WAL: the snapshot of the first read, no lock
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")


def _verify(batch_size: int, anchor: AnchorReader | None, files: bool) -> Iterator[Tampering]:
    yield from walk_streams(Streams(batch_size, anchor), files)


def walk_streams(streams: Streams, files: bool) -> Iterator[Tampering]:
    """Every case of the streams' slice in id order, then what lies past the last one."""
    key = history_key()
    for row in streams.cases:
        case_id, number, version, head = row[0], row[1] or "", row[2], row[3]
        yield from streams.orphans(case_id)
        anchored = yield from streams.anchored(case_id, number)
        walk = Walk(case_id, number)
        if anchored is not None:
            walk.hash_at[anchored.version] = ""
        archived = streams.archived_head(case_id)
        if archived is not None:
            walk.resume(*archived[1:])
        yield from walk_events(walk, streams.events, key)
        yield from check_case(walk, row, version, head, anchored)
        yield from check_ratings(walk, streams.ratings)
        yield from check_photos(walk, streams.photos, files=files)
    yield from streams.end()
