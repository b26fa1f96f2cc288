"""Appending to a case's history.

A transition is one conditional UPDATE of the case (``WHERE version = seen``)
plus one INSERT of the event, in one transaction. If someone else changed the
case since it was read, the UPDATE matches no row and the caller gets
:class:`Conflict`; nothing is written.

Each event also carries the digest of the case's fields as they stand after it,
so the case row itself is under the chain (``cases.verification`` checks it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from django.db import connections, router, transaction
from django.db.models import Model
from django.dispatch import Signal

from jiceng.cases.models import Case, CaseEvent
from jiceng.core import hashchain
from jiceng.core.errors import Conflict
from jiceng.core.inserts import insert_row
from jiceng.people.models import Unit, User

# Sent inside the event's transaction once the case holds its new values: what listens here
# (the notices outbox) writes in the same transaction, so it stands or falls with the event.
event_recorded = Signal(use_caching=True)


def _utc(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).isoformat(timespec="microseconds")


class ChainedEvent(Protocol):
    """An event as the hash sees it: a CaseEvent, or a row of the verifier's stream."""

    case_id: int
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


def payload(event: ChainedEvent) -> dict[str, Any]:
    """What the hash covers: every column but the hashes themselves and the row id.

    ``case_digest`` joins only when set, so events written before it existed still verify.
    """
    covered = {
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
    if event.case_digest:
        covered["case_digest"] = event.case_digest
    return covered


# Every column of the case but its id and the chain's own bookkeeping (version, head hash),
# by attname. Spelled out, not derived: a column added to Case must not silently change
# every digest already written (a test makes each new column a decision).
CHAINED_FIELDS: tuple[str, ...] = (
    "number",
    "kind",
    "state",
    "category_id",
    "urgency",
    "channel",
    "title",
    "description",
    "division_id",
    "address",
    "resident_id",
    "owner_id",
    "respond_by",
    "resolve_by",
    "submitted_at",
    "owner_since",
    "resolved_at",
    "closed_at",
    "answer",
    "merged_into_id",
    "reopen_count",
    "reminded_at",
)
UNCHAINED_FIELDS = ("id", "version", "head_hash")


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _plain(value: Any) -> Any:
    if isinstance(value, str):
        return str(value)  # a choices member hashes as its value
    if isinstance(value, datetime):
        return (value - _EPOCH) // _MICROSECOND  # the instant, whatever its time zone
    if isinstance(value, Model):
        return value.pk
    return value


def case_digest(values: Mapping[str, Any]) -> str:
    """sha256 of the chained fields, given by attname, in CHAINED_FIELDS order.

    Unkeyed: the event's keyed hash covers it.
    """
    plain = [_plain(values[name]) for name in CHAINED_FIELDS]
    return hashlib.sha256(
        json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()
    ).hexdigest()


def _digest_after(case: Case, changes: dict[str, Any]) -> str:
    """The digest of ``case`` once ``changes`` apply; deferred fields are read first."""
    after = {_CASE_FIELDS[name].attname: value for name, value in changes.items()}
    missing = [name for name in case.get_deferred_fields() if name not in after]
    if missing:  # loaded for a list with .only()/.defer(): only then does this cost a query
        case.refresh_from_db(fields=missing)
    values = {name: getattr(case, name) for name in CHAINED_FIELDS}
    values.update((name, value) for name, value in after.items() if name in values)
    return case_digest(values)


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
    changes["state"] = to_state
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
        case_digest=_digest_after(case, changes),
    )
    event.hash = hashchain.link(event.prev_hash, payload(event))
    changes.update(version=event.seq, head_hash=event.hash)
    # No savepoint: a failure here must undo the caller's whole transaction anyway, and
    # a savepoint per event costs two extra statements on every transition.
    with transaction.atomic(savepoint=False):
        updated = _conditional_update(case.pk, case.version, changes)
        if updated != 1:
            raise Conflict(case.number or str(case.pk))
        insert_row(event)
        for field, value in changes.items():
            setattr(case, field, value)
        event_recorded.send(sender=Case, case=case, event=event)
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
