"""One case's events: the chain unbroken, and the case row as its last event left it."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import Any, NamedTuple

from jiceng.cases.anchor.lines import AnchorEntry
from jiceng.cases.history import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import EventKind
from jiceng.cases.verification.walk import Cursor, Tampering, Walk
from jiceng.core import hashchain
from jiceng.core.fast.chainlink import ROW_FIELDS, row_digest, row_link


class EventRow(NamedTuple):
    """A stream's event row by name, kept only for RATE and ATTACH events (rows.py reads them)."""

    case_id: int
    id: int
    seq: int
    kind: str
    at: datetime
    actor_id: int | None
    from_state: str
    to_state: str
    unit_id: int | None
    division_code: str
    respond_by: datetime | None
    note: str
    data: dict[str, Any]
    case_digest: str
    prev_hash: str
    hash: str


_VOUCHING = (EventKind.RATE.value, EventKind.ATTACH.value)


def event_link(head: str, row: Sequence[Any], key: bytes) -> str:
    """The link of an event row (streams.EVENT_FIELDS order): ``hashchain.link`` of its payload."""
    link = row_link(head, row, key)
    if link is None:  # a value core.fast.chainlink does not write out: the ordinary way
        chained = dict(zip(ROW_FIELDS, row, strict=False))
        if type(chained["data"]) is str:
            chained["data"] = json.loads(chained["data"])
        link = hashchain.link(head, payload(SimpleNamespace(**chained)), key)  # type: ignore[arg-type]
    return link


def values_digest(values: Sequence[Any]) -> str:
    """``case_digest`` of a case's chained values in CHAINED_FIELDS order."""
    digest = row_digest(values)
    if digest is None:
        digest = case_digest(dict(zip(CHAINED_FIELDS, values, strict=True)))
    return digest


def _named(row: Sequence[Any]) -> EventRow:
    event = EventRow._make(row)
    if type(event.data) is str:  # JSON text off the whole walk's stream
        event = event._replace(data=json.loads(event.data))
    return event


def walk_events(walk: Walk, events: Cursor[Any], key: bytes) -> Iterator[Tampering]:
    """Events as tuples in streams.EVENT_FIELDS order; each link recomputed from its row."""
    expected = walk.last_seq + 1  # 1, unless the case's older events are archived
    case_id, head, hash_at = walk.case_id, walk.head, walk.hash_at
    while events.row is not None and events.row[0] == case_id:
        row = events.take()
        seq, prev_hash, hashed = row[2], row[14], row[15]
        if seq != expected:
            yield walk.problem("event missing", expected)
        if prev_hash != head or event_link(head, row, key) != hashed:
            yield walk.problem("event altered", seq)
        if seq in hash_at:
            hash_at[seq] = hashed
        if row[3] in _VOUCHING:
            event = _named(row)
            if event.kind == EventKind.RATE:
                walk.ratings[event.id] = event
            else:
                walk.photos[int(event.data.get("attachment") or 0)] = event
        expected, head, walk.digest = seq + 1, hashed, row[13]
        walk.last_seq = seq
    walk.head = head


def check_case(
    walk: Walk, row: tuple[Any, ...], version: int, head: str, anchored: AnchorEntry | None
) -> Iterator[Tampering]:
    if walk.last_seq == 0:
        # A case is written with its first event, in one transaction: none at all is deletion.
        yield walk.problem("history deleted", 1)
        return
    if walk.last_seq != version or walk.head != head:
        yield walk.problem("history truncated", walk.last_seq + 1)
    elif walk.digest and values_digest(row[4:]) != walk.digest:
        yield walk.problem("case fields altered", walk.last_seq)
    if anchored is not None:
        if version < anchored.version:
            yield walk.problem("history truncated", version + 1)
        elif anchored.version >= walk.archived_seq and (
            walk.hash_at.get(anchored.version) != anchored.head
        ):  # a version inside the archive is checked against the archive (docs/partitions.md)
            yield walk.problem("history rewritten", anchored.version)
