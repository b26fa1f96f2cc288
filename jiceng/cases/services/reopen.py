"""Reopening (重办): the same owner the first time, a tier up after that."""

from __future__ import annotations

from jiceng.cases import catalogue, history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.cleaning import clean_text
from jiceng.cases.services.clocks import new_owner
from jiceng.cases.services.escalation import escalation_target
from jiceng.core import clock
from jiceng.people.models import User


def case_reopen(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Reopen a resolved or closed case (重办) within the reopening window."""
    rules.require(rules.REOPEN, case=case, by=by)
    return reopen(case=case, by=by, reason=clean_text(reason, "reason", max_length=1000))


def reopen(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Same owner the first time; a case reopened again goes up a tier where there is one."""
    at = clock.now()
    target = case.owner
    if case.reopen_count >= 1 and catalogue.next_tier(case.owner.tier) is not None:
        target = escalation_target(case)
    changes = new_owner(case, target, at)
    changes.update(reopen_count=case.reopen_count + 1, resolved_at=None, closed_at=None)
    event = history.append(
        case,
        kind=EventKind.REOPEN,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        note=reason,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        changes=changes,
    )
    case.owner = target
    return event
