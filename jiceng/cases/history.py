"""Appending to a case's history, and verifying it.

A transition is one conditional UPDATE of the case (``WHERE version = seen``)
plus one INSERT of the event, in one transaction. If someone else changed the
case since it was read, the UPDATE matches no row and the caller gets
:class:`Conflict`; nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.db import connections, router, transaction
from django.db.models import Model

from jiceng.cases.models import Case, CaseEvent
from jiceng.core import hashchain
from jiceng.core.crypto import history_key
from jiceng.core.errors import Conflict
from jiceng.core.inserts import insert_row
from jiceng.people.models import Unit, User


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="microseconds")


def payload(event: CaseEvent) -> dict[str, Any]:
    """What the hash covers: every column but the hashes themselves and the row id."""
    return {
        "case": event.case_id,
        "seq": event.seq,
        "kind": event.kind,
        "at": _utc(event.at),
        "actor": event.actor_id,
        "from": event.from_state,
        "to": event.to_state,
        "unit": event.unit_id,
        "division": event.division_code,
        "respond_by": _utc(event.respond_by),
        "note": event.note,
        "data": event.data,
    }


def append(
    case: Case,
    *,
    kind: str,
    at: datetime,
    by: User | None,
    to_state: str,
    unit: Unit | None = None,
    unit_id: int | None = None,
    note: str = "",
    data: dict[str, Any] | None = None,
    respond_by: datetime | None = None,
    changes: dict[str, Any] | None = None,
) -> CaseEvent:
    """Record one event and apply ``changes`` to the case, or raise Conflict.

    The event's unit is ``unit``, or ``unit_id`` where the caller has only the id.
    """
    changes = dict(changes or {})
    event = CaseEvent(
        case_id=case.pk,
        seq=case.version + 1,
        kind=kind,
        at=at,
        actor=by,
        from_state=case.state,
        to_state=to_state,
        unit_id=unit.pk if unit is not None else unit_id,
        division_code=case.division_id,
        respond_by=respond_by,
        note=note,
        data=data or {},
        prev_hash=case.head_hash or hashchain.GENESIS,
    )
    event.hash = hashchain.link(event.prev_hash, payload(event))
    changes.update(state=to_state, version=event.seq, head_hash=event.hash)
    # No savepoint: a failure here must undo the caller's whole transaction anyway, and
    # a savepoint per event costs two extra statements on every transition.
    with transaction.atomic(savepoint=False):
        updated = _conditional_update(case.pk, case.version, changes)
        if updated != 1:
            raise Conflict(case.number or str(case.pk))
        insert_row(event)
    for field, value in changes.items():
        setattr(case, field, value)
    return event


def _conditional_update(pk: int, seen_version: int, changes: dict[str, Any]) -> int:
    """``UPDATE case SET ... WHERE id = pk AND version = seen``; the number of rows changed.

    Written out rather than through ``QuerySet.update``: this statement runs on every
    transition, and compiling it through the ORM cost more than executing it. Values are
    prepared by each field exactly as the ORM would; a model instance stands for its pk.
    """
    connection = connections[router.db_for_write(Case)]
    quote = connection.ops.quote_name
    columns, params = [], []
    for name, value in changes.items():
        field = _CASE_FIELDS[name]
        if isinstance(value, Model):
            value = value.pk
        columns.append(f"{quote(field.column)} = %s")
        params.append(field.get_db_prep_save(value, connection))
    table, pk_column = quote(Case._meta.db_table), quote(Case._meta.pk.column)
    version_column = quote(_CASE_FIELDS["version"].column)
    # Only quoted column names from the model's own metadata are formatted in; values are params.
    where = f"{pk_column} = %s AND {version_column} = %s"
    sql = f"UPDATE {table} SET {', '.join(columns)} WHERE {where}"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, pk, seen_version])
        return cursor.rowcount


# Fields by name and by attname (``owner`` and ``owner_id``), for _conditional_update.
_CASE_FIELDS: dict[str, Any] = {
    key: field for field in Case._meta.concrete_fields for key in {field.name, field.attname}
}


@dataclass(frozen=True)
class Tampering:
    case_id: int
    number: str
    seq: int
    problem: str


def verify(batch_size: int = 2000) -> Iterator[Tampering]:
    """Walk every case's chain; yield each place where history no longer adds up.

    Cases and events are both read in case order and walked side by side, so memory stays
    flat however many cases there are (a city has tens of millions).
    """
    key = history_key()
    cases = (
        Case.objects.order_by("pk")
        .values_list("pk", "number", "version", "head_hash")
        .iterator(chunk_size=batch_size)
    )
    events = CaseEvent.objects.order_by("case_id", "seq").iterator(chunk_size=batch_size)
    event = next(events, None)
    for case_id, number, version, head in cases:
        while event is not None and event.case_id < case_id:
            event = next(events, None)  # no such case: the foreign key keeps this from happening
        expected_seq, prev = 1, hashchain.GENESIS
        while event is not None and event.case_id == case_id:
            if event.seq != expected_seq:
                yield Tampering(case_id, number or "", expected_seq, "event missing")
            if (
                event.prev_hash != prev
                or hashchain.link(event.prev_hash, payload(event), key) != event.hash
            ):
                yield Tampering(case_id, number or "", event.seq, "event altered")
            expected_seq, prev = event.seq + 1, event.hash
            event = next(events, None)
        if expected_seq == 1:
            if version:
                yield Tampering(case_id, number or "", 1, "history deleted")
        elif expected_seq - 1 != version or prev != head:
            yield Tampering(case_id, number or "", expected_seq, "history truncated")
