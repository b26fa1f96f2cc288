"""What a case's hash chain covers: each event's payload and the digest of the case's fields.

Each event carries the digest of the case's fields as they stand after it, so the case
row itself is under the chain (``cases.verification`` checks it).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from django.db.models import Model


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
