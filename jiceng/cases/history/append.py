"""Appending to a case's history.

A transition is one conditional UPDATE of the case (``WHERE version = seen``)
plus one INSERT of the event, in one transaction. If someone else changed the
case since it was read, the UPDATE matches no row and the caller gets
:class:`Conflict`; nothing is written. Both statements are fast paths
(:mod:`jiceng.core.fast`): ``update_if`` and ``insert_row``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import transaction
from django.dispatch import Signal

from jiceng.cases.history.chain import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import Case, CaseEvent
from jiceng.core import hashchain
from jiceng.core.errors import Conflict
from jiceng.core.fast.conditional import fields_by_name, update_if
from jiceng.core.fast.inserts import insert_row
from jiceng.people.models import Unit, User

# Sent inside the event's transaction once the case holds its new values: what listens here
# (the notices outbox) writes in the same transaction, so it stands or falls with the event.
event_recorded = Signal(use_caching=True)


def _digest_after(case: Case, changes: dict[str, Any]) -> str:
    """The digest of ``case`` once ``changes`` apply; deferred fields are read first."""
    fields = fields_by_name(Case)
    after = {fields[name].attname: value for name, value in changes.items()}
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
    """``UPDATE case SET ... WHERE id = pk AND version = seen``; the number of rows changed."""
    return update_if(Case, pk, where=("version", seen_version), changes=changes)
