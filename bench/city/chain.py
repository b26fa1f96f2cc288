"""One case's row and its hash-chained events, built in memory as ``history.append`` would.

Nothing is hashed here by hand: the digest of the case's fields and each event's keyed
link are the application's own, the very functions ``jiceng verify-history`` checks them
with (``verification.events.values_digest`` and ``event_link``: ``core.fast.chainlink``,
which its tripwire test holds equal to ``history.case_digest`` and ``hashchain.link``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jiceng.cases.history import CHAINED_FIELDS
from jiceng.cases.verification.events import event_link, values_digest
from jiceng.core import hashchain


class Event:
    """An event as the hash sees it (``history.ChainedEvent``), plus its row id and hashes."""

    __slots__ = (
        "actor_id",
        "at",
        "case_digest",
        "case_id",
        "data",
        "division_code",
        "from_state",
        "hash",
        "id",
        "kind",
        "note",
        "prev_hash",
        "respond_by",
        "seq",
        "to_state",
        "unit_id",
    )

    def __init__(self, **values: Any) -> None:
        for name, value in values.items():
            setattr(self, name, value)


class CaseBuilder:
    """The case's fields by attname (``values``) and the events appended to it so far."""

    def __init__(self, case_id: int, values: dict[str, Any], key: bytes, next_event_id: int):
        self.id = case_id
        self.values = values
        self.key = key
        self.events: list[Event] = []
        self.next_event_id = next_event_id
        self.version = 0
        self.head = hashchain.GENESIS

    @property
    def state(self) -> str:
        return str(self.values["state"])

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
        data: dict[str, Any] | None = None,
        changes: dict[str, Any] | None = None,
    ) -> Event:
        """Mirror of ``history.append``: the event, then ``changes`` and the new state."""
        before = self.values["state"]
        self.values.update(changes or {}, state=to_state)
        event = Event(
            id=self.next_event_id,
            case_id=self.id,
            seq=self.version + 1,
            kind=kind,
            at=at,
            actor_id=actor,
            from_state=before,
            to_state=to_state,
            unit_id=unit,
            division_code=self.values["division_id"],
            respond_by=respond_by,
            note=note,
            data=data or {},
            prev_hash=self.head,
            case_digest=values_digest([self.values[name] for name in CHAINED_FIELDS]),
        )
        row = (
            self.id,
            event.id,
            event.seq,
            kind,
            at,
            actor,
            before,
            to_state,
            unit,
            event.division_code,
            respond_by,
            note,
            event.data,
            event.case_digest,
        )
        event.hash = event_link(self.head, row, self.key)
        self.next_event_id += 1
        self.version, self.head = event.seq, event.hash
        self.events.append(event)
        return event

    def row(self) -> dict[str, Any]:
        """The case row as the last event left it."""
        return {"id": self.id, **self.values, "version": self.version, "head_hash": self.head}


assert "state" in CHAINED_FIELDS and "division_id" in CHAINED_FIELDS
