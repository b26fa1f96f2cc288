"""A stored event's keyed hash from its row, without building the payload dict.

``hashchain.link(prev, history.payload(event), key)`` builds a dict per event and has
``json.dumps`` sort and encode it; ``jiceng verify-history`` does that for every event
of every case (bench/city/README.md, "History streamed"; ``bench/city/measure.py``).
:func:`row_link` writes the same canonical bytes straight from the row, in the sorted
key order ``canonical`` gives, with the C string encoder ``json`` uses itself, and
hashes them with one ``hmac.digest`` call. For a value of an unexpected type it returns
None, and the caller (``cases.verification.events``) goes the ordinary way.
``tests/core/test_fast_chainlink.py`` compares it with ``hashchain.link``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from jiceng.core.fast.chaintext import canonical_data, moment_text, payload_text

# The order of a row's values; verification.streams.EVENT_FIELDS adds the two hashes after them.
ROW_FIELDS = (
    "case_id",
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
)
_LIST = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_INTS = (int, type(None))
_MOMENTS = (datetime, type(None))
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def written_row(row: Sequence[Any]) -> bytes | None:
    """The canonical bytes written out by hand; None for a value of an unexpected type.

    ``data`` may be the stored JSON text (the walk streams it undecoded) or its value.
    """
    case_id, _id, seq, kind, at, actor, before, after, unit, division, respond_by = row[:11]
    note, data, digest = row[11], row[12], row[13]
    if not (
        type(case_id) is int
        and type(seq) is int
        and type(actor) in _INTS
        and type(unit) in _INTS
        and type(at) is datetime
        and type(respond_by) in _MOMENTS
    ):
        return None
    try:  # the C encoder refuses anything but a str (a choices member encodes as its value)
        written = payload_text(
            case_id,
            seq,
            kind,
            moment_text(at),
            actor,
            before,
            after,
            unit,
            division,
            None if respond_by is None else moment_text(respond_by),
            note,
            canonical_data(data),
            digest,
        )
    except TypeError:
        return None
    return written.encode()


def row_digest(values: Sequence[Any]) -> str | None:
    """``history.case_digest`` of a case's chained values, given in CHAINED_FIELDS order;
    None for a value of an unexpected type (the caller asks ``case_digest`` itself)."""
    plain = []
    for value in values:
        kind = type(value)
        if kind is str or kind is int or value is None:
            plain.append(value)
        elif kind is datetime:
            plain.append((value - _EPOCH) // _MICROSECOND)
        elif isinstance(value, str):
            plain.append(str(value))  # a choices member, as history._plain writes it
        else:
            return None
    return hashlib.sha256(_LIST.encode(plain).encode()).hexdigest()


def row_link(prev_hash: str, row: Sequence[Any], key: bytes) -> str | None:
    """``hashchain.link(prev_hash, payload(event), key)`` of an event row; None for a value
    of an unexpected type (the caller links the payload itself)."""
    written = written_row(row)
    if written is None:
        return None
    return hmac.digest(key, prev_hash.encode() + written, "sha256").hex()
