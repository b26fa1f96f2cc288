"""One case's events: the chain unbroken, and the case row as its last event left it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from jiceng.cases.anchor.lines import AnchorEntry
from jiceng.cases.history import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import EventKind
from jiceng.cases.verification.walk import Cursor, Tampering, Walk
from jiceng.core import hashchain


def walk_events(walk: Walk, events: Cursor[Any], key: bytes) -> Iterator[Tampering]:
    expected = walk.last_seq + 1  # 1, unless the case's older events are archived
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


def check_case(
    walk: Walk, row: tuple[Any, ...], version: int, head: str, anchored: AnchorEntry | None
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
        elif anchored.version >= walk.archived_seq and (
            walk.hash_at.get(anchored.version) != anchored.head
        ):  # a version inside the archive is checked against the archive (docs/partitions.md)
            yield walk.problem("history rewritten", anchored.version)
