"""Checking that the history still adds up: chains, case rows, ratings, photos, and an anchor.

Cases, events, ratings and attachments are each read once in case order and walked side
by side, so memory stays flat however many cases there are (a city has tens of millions).
Only the rows of the one case being checked are held at a time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.core.files.storage import default_storage
from django.db import connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper

from jiceng.cases.anchor import AnchorEntry, AnchorReader
from jiceng.cases.history import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import Case, CaseAttachment, CaseEvent, EventKind, Rating
from jiceng.core import hashchain
from jiceng.core.crypto import history_key

T = TypeVar("T")


@dataclass(frozen=True)
class Tampering:
    """One place where the history no longer adds up; ``seq`` 0 when no event can be named."""

    case_id: int
    number: str
    seq: int
    problem: str


class _Cursor(Generic[T]):
    """A sorted stream read one row ahead, so several streams can be walked side by side."""

    def __init__(self, rows: Iterable[T]) -> None:
        self._rows = iter(rows)
        self.row: T | None = next(self._rows, None)

    def take(self) -> T:
        row = self.row
        assert row is not None
        self.row = next(self._rows, None)
        return row


@dataclass
class _Walk:
    """What one case's events said, for checking its rows against them."""

    case_id: int
    number: str
    last_seq: int = 0
    head: str = hashchain.GENESIS
    digest: str = ""
    hash_at: dict[int, str] = field(default_factory=dict)
    ratings: dict[int, Any] = field(default_factory=dict)
    photos: dict[int, Any] = field(default_factory=dict)

    def problem(self, text: str, seq: int = 0) -> Tampering:
        return Tampering(self.case_id, self.number, seq, text)


def verify(
    batch_size: int = 2000, *, anchor: AnchorReader | None = None, files: bool = False
) -> Iterator[Tampering]:
    """Yield every place where history, case rows, ratings or photos no longer agree.

    With ``anchor``, also every case deleted, inserted or rolled back since it was written;
    with ``files``, also every photo whose bytes on storage changed.
    """
    with _one_snapshot(connections[router.db_for_read(Case)]):
        yield from _verify(batch_size, anchor, files)


@contextmanager
def _one_snapshot(connection: BaseDatabaseWrapper) -> Iterator[None]:
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
    streams = _Streams(batch_size, anchor)
    key = history_key()
    for row in streams.cases:
        case_id, number, version, head = row[0], row[1] or "", row[2], row[3]
        yield from streams.orphans(case_id)
        anchored = yield from streams.anchored(case_id, number)
        walk = _Walk(case_id, number)
        if anchored is not None:
            walk.hash_at[anchored.version] = ""
        yield from _walk_events(walk, streams.events, key)
        yield from _check_case(walk, row, version, head, anchored)
        yield from _check_ratings(walk, streams.ratings)
        yield from _check_photos(walk, streams.photos, files=files)
    yield from streams.orphans(None)
    yield from streams.anchor_end()


class _Streams:
    def __init__(self, batch_size: int, anchor: AnchorReader | None) -> None:
        fields = ("pk", "number", "version", "head_hash", *CHAINED_FIELDS)
        self.cases = (
            Case.objects.order_by("pk").values_list(*fields).iterator(chunk_size=batch_size)
        )
        # Rows, not model instances: building an instance per event was a good part of the walk.
        self.events = _Cursor(
            CaseEvent.objects.order_by("case_id", "seq")
            .values_list(*_EVENT_FIELDS, named=True)
            .iterator(chunk_size=batch_size)
        )
        self.ratings = _Cursor(
            Rating.objects.order_by("case_id", "event_id")
            .values_list(*_RATING_FIELDS)
            .iterator(chunk_size=batch_size)
        )
        self.photos = _Cursor(
            CaseAttachment.objects.order_by("case_id", "pk")
            .values_list(*_PHOTO_FIELDS)
            .iterator(chunk_size=batch_size)
        )
        self.anchor = anchor
        self.entries = _Cursor(anchor if anchor is not None else ())

    def orphans(self, before: int | None) -> Iterator[Tampering]:
        """Cases gone whose rows or anchor lines remain, below ``before`` (all, with None).

        One case at a time, in id order, so even a wiped table is reported in flat memory.
        """
        rows = (self.events, self.ratings, self.photos)
        while True:
            heads = [_case_of(cursor.row) for cursor in rows if cursor.row is not None]
            if self.entries.row is not None:
                heads.append(self.entries.row.case_id)
            case_id = min(heads, default=None)
            if case_id is None or (before is not None and case_id >= before):
                return
            for cursor in rows:
                while cursor.row is not None and _case_of(cursor.row) == case_id:
                    cursor.take()
            entry = self.entries.row
            number = self.entries.take().number if entry and entry.case_id == case_id else ""
            yield Tampering(case_id, number, 0, "case deleted")

    def anchored(self, case_id: int, number: str) -> Generator[Tampering, None, AnchorEntry | None]:
        """The anchor's entry for this case; a case the anchor should have held is reported."""
        entry = self.entries.row
        if entry is not None and entry.case_id == case_id:
            return self.entries.take()
        if entry is not None:  # an id below the anchor's last one that the anchor never saw
            yield Tampering(case_id, number, 0, "case inserted")
        return None

    def anchor_end(self) -> Iterator[Tampering]:
        if self.anchor is not None and self.anchor.problem:
            yield Tampering(0, "", 0, self.anchor.problem)


_EVENT_FIELDS = (
    "case_id",  # first, like the other streams' rows: see _case_of
    "id",
    "seq",
    "kind",
    "at",
    "actor_id",
    "from_state",
    "to_state",
    "unit_id",
    "division_code",
    "respond_by",
    "note",
    "data",
    "case_digest",
    "prev_hash",
    "hash",
)


def _case_of(row: Any) -> int:
    return int(row[0])


def _walk_events(walk: _Walk, events: _Cursor[Any], key: bytes) -> Iterator[Tampering]:
    expected = 1
    while events.row is not None and events.row.case_id == walk.case_id:
        event = events.take()
        if event.seq != expected:
            yield walk.problem("event missing", expected)
        if event.prev_hash != walk.head or hashchain.link(walk.head, payload(event), key) != (
            event.hash
        ):
            yield walk.problem("event altered", event.seq)
        if event.seq in walk.hash_at:
            walk.hash_at[event.seq] = event.hash
        if event.kind == EventKind.RATE:
            walk.ratings[event.id] = event
        elif event.kind == EventKind.ATTACH:
            walk.photos[int(event.data.get("attachment") or 0)] = event
        expected, walk.head, walk.digest = event.seq + 1, event.hash, event.case_digest
        walk.last_seq = event.seq


def _check_case(
    walk: _Walk, row: tuple[Any, ...], version: int, head: str, anchored: AnchorEntry | None
) -> Iterator[Tampering]:
    if walk.last_seq == 0:
        # A case is written with its first event, in one transaction: none at all is deletion.
        yield walk.problem("history deleted", 1)
        return
    if walk.last_seq != version or walk.head != head:
        yield walk.problem("history truncated", walk.last_seq + 1)
    elif walk.digest and case_digest(dict(zip(CHAINED_FIELDS, row[4:], strict=True))) != (
        walk.digest
    ):
        yield walk.problem("case fields altered", walk.last_seq)
    if anchored is not None:
        if version < anchored.version:
            yield walk.problem("history truncated", version + 1)
        elif walk.hash_at.get(anchored.version) != anchored.head:
            yield walk.problem("history rewritten", anchored.version)


_RATING_FIELDS = (
    "case_id",
    "event_id",
    "unit_id",
    "division_code",
    "at",
    "solved",
    "satisfaction",
    "comment",
    "source",
)


def _rating_as_recorded(event: Any) -> tuple[Any, ...]:
    """The rating row its RATE event describes, in the order of _RATING_FIELDS."""
    data = event.data
    return (
        event.case_id,
        event.id,
        event.unit_id,
        event.division_code,
        event.at,
        data.get("solved"),
        data.get("satisfaction"),
        event.note,
        data.get("source"),
    )


def _check_ratings(walk: _Walk, ratings: _Cursor[tuple[Any, ...]]) -> Iterator[Tampering]:
    while ratings.row is not None and ratings.row[0] == walk.case_id:
        rating = ratings.take()
        event = walk.ratings.pop(rating[1], None)
        if event is None:
            yield walk.problem("rating without event")
        elif tuple(rating) != _rating_as_recorded(event):
            yield walk.problem("rating altered", event.seq)
    for event in walk.ratings.values():
        yield walk.problem("rating missing", event.seq)


_PHOTO_FIELDS = ("case_id", "pk", "file", "uploaded_at", "size", "content_type")


def _photo_as_recorded(event: Any) -> tuple[Any, ...]:
    data = event.data
    return (
        event.case_id,
        data.get("attachment"),
        data.get("name"),
        event.at,
        data.get("size"),
        data.get("type"),
    )


def _check_photos(
    walk: _Walk, photos: _Cursor[tuple[Any, ...]], *, files: bool
) -> Iterator[Tampering]:
    while photos.row is not None and photos.row[0] == walk.case_id:
        photo = photos.take()
        event = walk.photos.pop(photo[1], None)
        if event is None:
            yield walk.problem("attachment without event")
        elif tuple(photo) != _photo_as_recorded(event):
            yield walk.problem("attachment altered", event.seq)
        elif files and _file_digest(photo[2]) != event.data.get("sha256"):
            yield walk.problem("attachment file altered", event.seq)
    for event in walk.photos.values():
        yield walk.problem("attachment missing", event.seq)


def _file_digest(name: str) -> str | None:
    """sha256 of a stored file's bytes; None when the file is gone."""
    if not default_storage.exists(name):
        return None
    digest = hashlib.sha256()
    with default_storage.open(name, "rb") as stored:
        for chunk in iter(lambda: stored.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()
