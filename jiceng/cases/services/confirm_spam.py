"""A dispatcher confirms a held request is spam: closed and kept, never deleted."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.core import clock
from jiceng.people.models import User


def case_confirm_spam(*, case: Case, by: User, note: str = "") -> CaseEvent:
    """A dispatcher confirms a quarantined request is spam: closed and kept, never deleted."""
    rules.require(rules.CONFIRM_SPAM, case=case, by=by)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.SPAM,
        at=at,
        by=by,
        to_state=State.QUARANTINED,
        unit_id=case.owner_id,
        note=note.strip()[:1000],
        data={"confirmed": True},
        changes={"closed_at": at},
    )
