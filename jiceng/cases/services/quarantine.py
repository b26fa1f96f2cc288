"""Spam quarantine at intake (see cases.intake): hold, release or confirm as spam."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.clocks import deadlines_from
from jiceng.cases.services.system import SYSTEM
from jiceng.core import clock
from jiceng.people.models import User


def quarantine(case: Case, *, score: float, reasons: list[str]) -> CaseEvent:
    """Hold a request the spam check flagged: no clock runs, no queue or public list shows it."""
    return history.append(
        case,
        kind=EventKind.QUARANTINE,
        at=case.submitted_at,
        by=SYSTEM,
        to_state=State.QUARANTINED,
        unit_id=case.owner_id,
        data={"score": round(score, 3), "reasons": list(reasons)},
        changes={"respond_by": None, "resolve_by": None},
    )


def case_release(*, case: Case, by: User) -> CaseEvent:
    """A dispatcher judges a held request real: it waits for dispatch, its clock starts now."""
    rules.require(rules.RELEASE, case=case, by=by)
    at = clock.now()
    changes = {"owner_since": at, "reminded_at": None, **deadlines_from(case, at)}
    return history.append(
        case,
        kind=EventKind.RELEASE,
        at=at,
        by=by,
        to_state=State.SUBMITTED,
        unit_id=case.owner_id,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        changes=changes,
    )


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
