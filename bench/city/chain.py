"""One case's row and its hash-chained events, written as COPY lines as ``history.append``
would store them.

Nothing is hashed here by hand: the digest of the case's fields and each event's keyed
link are written by ``core.fast.chaintext`` (``value_text``/``texts_digest``,
``payload_text`` and ``Linker``), which its tripwire test holds equal to ``history.case_digest`` and
``hashchain.link``, the functions ``jiceng verify-history`` checks them with. The case
keeps its chained values written out one by one, so an event re-writes only the fields
it changes; each moment is written once, for the hash and the COPY line alike.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jiceng.cases.history import CHAINED_FIELDS
from jiceng.core import hashchain
from jiceng.core.fast.chaintext import (
    Linker,
    canonical_data,
    moment_text,
    payload_text,
    texts_digest,
    value_text,
)

NULL = "\\N"
# The COPY columns, by attname (copying.copy_statement checks them against the models).
CASE_COLUMNS = ("id", *CHAINED_FIELDS, "version", "head_hash")
EVENT_COLUMNS = (
    *("id", "case_id", "seq", "kind", "at", "actor_id", "from_state", "to_state", "unit_id"),
    *("division_code", "respond_by", "note", "data", "case_digest", "prev_hash", "hash"),
)
_INDEX = {name: i for i, name in enumerate(CHAINED_FIELDS)}
_STATE = _INDEX["state"]
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})
_escaped: dict[str, str] = {}
_data: dict[tuple[tuple[str, Any], ...], str] = {}


def escaped(value: str) -> str:
    """Free text in COPY's text format; each distinct text (mostly from the pools) once."""
    found = _escaped.get(value)
    if found is None:
        found = value
        if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
            found = value.translate(_ESCAPES)
        if len(_escaped) < 500_000:
            _escaped[value] = found
    return found


def data(**values: Any) -> str:
    """An event's ``data`` as canonical JSON text (``chaintext.canonical_data``), each once."""
    key = tuple(values.items())
    found = _data.get(key)
    if found is None:
        found = canonical_data(values)
        if len(_data) < 100_000:
            _data[key] = found
    return found


EMPTY = data()
_chained_texts: dict[str, bytes] = {}


def _chained(value: Any) -> bytes:
    """``value_text`` of a chained value, UTF-8; each distinct str (codes, pool texts) once."""
    if type(value) is not str:
        return value_text(value).encode()
    found = _chained_texts.get(value)
    if found is None:
        found = value_text(value).encode()
        if len(_chained_texts) < 500_000:
            _chained_texts[value] = found
    return found


class CaseBuilder:
    """The case's fields by attname (``values``) and its events' COPY lines so far."""

    def __init__(
        self,
        case_id: int,
        values: dict[str, Any],
        linker: Linker,
        next_event_id: int,
        lines: list[str],
    ):
        assert tuple(values) == CHAINED_FIELDS, "the case's values in CHAINED_FIELDS order"
        self.id = case_id
        self.values = values
        self.texts = [_chained(value) for value in values.values()]
        self.linker = linker
        self.lines = lines  # the batch's event lines
        self.next_event_id = next_event_id
        self.version = 0
        self.head = hashchain.GENESIS
        self.moments: dict[datetime, str] = {}

    @property
    def state(self) -> str:
        return str(self.values["state"])

    def moment(self, at: datetime) -> str:
        """``at`` in UTC to the microsecond: the payload's text, and a COPY value."""
        found = self.moments.get(at)
        if found is None:
            found = self.moments[at] = moment_text(at)
        return found

    def append(
        self,
        kind: str,
        at: datetime,
        *,
        actor: int | None,
        to_state: str,
        unit: int | None,
        respond_by: datetime | None = None,
        note: str = "",
        data: str = EMPTY,
        changes: dict[str, Any] | None = None,
    ) -> int:
        """Mirror of ``history.append``: the event, then ``changes`` and the new state.
        ``data`` is canonical JSON text (:func:`data`). Returns the event's id."""
        values, texts = self.values, self.texts
        before = values["state"]
        if changes:
            for name, value in changes.items():
                values[name] = value
                texts[_INDEX[name]] = _chained(value)
        values["state"] = to_state
        texts[_STATE] = _chained(to_state)
        digest = texts_digest(texts)
        event_id, seq, head = self.next_event_id, self.version + 1, self.head
        division = values["division_id"]
        when = self.moment(at)
        respond = None if respond_by is None else self.moment(respond_by)
        link = self.linker(
            head,
            payload_text(
                self.id, seq, kind, when, actor, before, to_state, unit, division, respond, note,
                data, digest,
            ),
        )  # fmt: skip
        self.lines.append(
            f"{event_id}\t{self.id}\t{seq}\t{kind}\t{when}\t{NULL if actor is None else actor}\t"
            f"{before}\t{to_state}\t{NULL if unit is None else unit}\t{division}\t"
            f"{respond or NULL}\t{escaped(note)}\t{escaped(data)}\t{digest}\t{head}\t{link}\n"
        )
        self.next_event_id, self.version, self.head = event_id + 1, seq, link
        return event_id

    def line(self) -> str:
        """The case row as the last event left it, a COPY line in CASE_COLUMNS order."""
        written = []
        for value in self.values.values():
            kind = type(value)
            if kind is str:
                written.append(escaped(value))
            elif value is None:
                written.append(NULL)
            elif kind is datetime:
                written.append(self.moment(value))
            else:
                written.append(str(value))
        return f"{self.id}\t" + "\t".join(written) + f"\t{self.version}\t{self.head}\n"


assert "state" in CHAINED_FIELDS and "division_id" in CHAINED_FIELDS
