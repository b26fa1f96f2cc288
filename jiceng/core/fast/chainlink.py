"""A stored event's keyed hash from its row, without building the payload dict.

``hashchain.link(prev, history.payload(event), key)`` builds a dict per event and has
``json.dumps`` sort and encode it; ``jiceng verify-history`` does that for every event
of every case (bench/city/README.md, "History streamed"; ``bench/city/measure.py``).
:func:`row_link` writes the same canonical bytes straight from the row, in the sorted
key order ``canonical`` gives, with the C string encoder ``json`` uses itself, and
hashes them with one ``hmac.digest`` call. A value of an unexpected type goes the
ordinary way. ``tests/core/test_fast_chainlink.py`` compares it with ``hashchain.link``.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from jiceng.core import hashchain

# The order of a row's values (verification.streams.EVENT_FIELDS from "case_id" on).
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
_DATA = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=hashchain.encode
)


def _int(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is not int:
        raise TypeError
    return str(value)


def _moment(value: Any) -> str:
    if value is None:
        return "null"
    if type(value) is not datetime:
        raise TypeError
    return '"' + value.astimezone(UTC).isoformat(timespec="microseconds") + '"'


def _text(value: Any) -> str:
    if type(value) is not str:
        raise TypeError
    return str(encode_basestring(value))


def canonical_row(row: Sequence[Any]) -> bytes:
    """``hashchain.canonical(history.payload(event))`` of an event row in ROW_FIELDS order."""
    written = written_row(row)
    return _ordinary(row) if written is None else written


def written_row(row: Sequence[Any]) -> bytes | None:
    """The canonical bytes written out by hand; None for a value of an unexpected type."""
    case_id, _id, seq, kind, at, actor, before, after, unit, division, respond_by = row[:11]
    note, data, digest = row[11], row[12], row[13]
    try:
        parts = [
            '{"actor":',
            _int(actor),
            ',"at":',
            _moment(at),
            ',"case":',
            _int(case_id),
            ',"case_digest":' + _text(digest) if digest else "",
            ',"data":',
            "{}" if data == {} and type(data) is dict else _DATA.encode(data),
            ',"division":',
            _text(division),
            ',"from":',
            _text(before),
            ',"kind":',
            _text(kind),
            ',"note":',
            _text(note),
            ',"respond_by":',
            _moment(respond_by),
            ',"seq":',
            _int(seq),
            ',"to":',
            _text(after),
            ',"unit":',
            _int(unit),
            "}",
        ]
    except TypeError:
        return None
    return "".join(parts).encode()


def _ordinary(row: Sequence[Any]) -> bytes:
    from jiceng.cases.history import payload

    class _Event:
        pass

    event = _Event()
    for name, value in zip(ROW_FIELDS, row, strict=False):
        setattr(event, name, value)
    return hashchain.canonical(payload(event))  # type: ignore[arg-type]


def row_link(prev_hash: str, row: Sequence[Any], key: bytes) -> str:
    """``hashchain.link(prev_hash, payload(event), key)`` of an event row."""
    return hmac.digest(key, prev_hash.encode() + canonical_row(row), "sha256").hex()
