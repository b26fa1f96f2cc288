"""The canonical texts the history chain hashes, written from values already typed.

``history.case_digest`` hashes a JSON list of a case's chained values and
``hashchain.link`` the canonical JSON of ``history.payload(event)``. Here the same bytes
are written piece by piece: :func:`value_text` for one chained value (so a writer that
changes one field re-writes one piece, :func:`texts_digest` the list),
:func:`payload_text` for an event whose moments and data are already text, and
:class:`Linker` its keyed link. ``core.fast.chainlink`` (the history walk) and
the city generator (``bench/city/chain.py``, timed by ``bench/city/cpu.py``) write
with them; ``tests/core/test_fast_chainlink.py`` holds them equal to ``case_digest`` and
``hashchain.link``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

from jiceng.core import hashchain

_DATA = json.JSONEncoder(
    sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=hashchain.encode
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)
_SEEN_DATA: dict[str, str] = {}  # a JSON text as stored → its canonical text
_SEEN_LIMIT = 100_000
_BLOCK = hashlib.sha256().block_size
_INNER_PAD = bytes(x ^ 0x36 for x in range(256))
_OUTER_PAD = bytes(x ^ 0x5C for x in range(256))


def moment_text(value: datetime) -> str:
    """An aware moment as the payload holds it: UTC, to the microsecond (unquoted)."""
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    text = value.isoformat()  # without timespec's keyword parsing: no fraction at .000000
    return text if len(text) == 32 else f"{text[:19]}.000000+00:00"


def canonical_data(data: Any) -> str:
    """An event's ``data`` as ``canonical`` writes it; given as stored JSON text or as a value.

    The stored text of equal values is equal (jsonb keeps one form), so each distinct
    text is decoded and re-encoded once.
    """
    if type(data) is not str:
        return "{}" if data == {} and type(data) is dict else _DATA.encode(data)
    found = _SEEN_DATA.get(data)
    if found is None:
        found = _DATA.encode(json.loads(data))
        if len(_SEEN_DATA) < _SEEN_LIMIT:
            _SEEN_DATA[data] = found
    return found


def payload_text(
    case_id: int,
    seq: int,
    kind: str,
    at: str,
    actor: int | None,
    before: str,
    after: str,
    unit: int | None,
    division: str,
    respond_by: str | None,
    note: str,
    data: str,
    digest: str,
) -> str:
    """``canonical(payload(event))`` as text, from values already typed: ints (or None),
    strs, the two moments as :func:`moment_text` writes them, ``data`` as
    :func:`canonical_data` writes it. Raises TypeError for a str column that is not a str."""
    text = encode_basestring
    respond = "null" if respond_by is None else f'"{respond_by}"'
    return (
        f'{{"actor":{"null" if actor is None else actor},"at":"{at}",'
        f'"case":{case_id},{f""""case_digest":{text(digest)},""" if digest else ""}'
        f'"data":{data},"division":{text(division)},'
        f'"from":{text(before)},"kind":{text(kind)},"note":{text(note)},'
        f'"respond_by":{respond},"seq":{seq},"to":{text(after)},'
        f'"unit":{"null" if unit is None else unit}}}'
    )


class Linker:
    """``hmac.digest(key, prev_hash + text, "sha256")`` with the key's inner and outer
    SHA-256 states made once (RFC 2104, as ``hmac.HMAC`` makes them) and copied per link.

    With ``payload_text`` it is ``hashchain.link`` of an event whose values are typed."""

    def __init__(self, key: bytes) -> None:
        if len(key) > _BLOCK:
            key = hashlib.sha256(key).digest()
        key = key.ljust(_BLOCK, b"\0")
        self._inner = hashlib.sha256(key.translate(_INNER_PAD))
        self._outer = hashlib.sha256(key.translate(_OUTER_PAD))

    def __call__(self, prev_hash: str, text: str) -> str:
        inner = self._inner.copy()
        inner.update((prev_hash + text).encode())
        outer = self._outer.copy()
        outer.update(inner.digest())
        return outer.hexdigest()


def value_text(value: Any) -> str:
    """One chained value as ``history.case_digest`` writes it in its JSON list: a str,
    an int, None or an aware datetime (a choices member as its value)."""
    kind = type(value)
    if kind is int:
        return str(value)
    if value is None:
        return "null"
    if kind is datetime:
        return str((value - _EPOCH) // _MICROSECOND)
    if isinstance(value, str):
        return encode_basestring(str(value))
    raise TypeError(f"not a chained value: {kind.__name__}")


def texts_digest(texts: Sequence[bytes]) -> str:
    """``history.case_digest`` of the chained values written by :func:`value_text` and
    UTF-8 encoded, in CHAINED_FIELDS order."""
    return hashlib.sha256(b"[" + b",".join(texts) + b"]").hexdigest()
