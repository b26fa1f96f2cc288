"""Escalation (上报): the case goes to the next tier, with its own clock."""

from __future__ import annotations

from jiceng.cases import catalogue, history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.cleaning import clean_text
from jiceng.cases.services.clocks import new_owner
from jiceng.core import clock
from jiceng.people.models import Unit, User


def escalation_target(case: Case) -> Unit:
    tier = catalogue.next_tier(case.owner.tier)
    assert tier is not None  # the rule book's condition for escalating
    return catalogue.unit_for_tier(
        category=case.category, location_code=case.division_id, tier=tier
    )


def case_escalate(*, case: Case, by: User | None, reason: str) -> CaseEvent:
    """Hand the case to the next tier (上报); the next tier gets its own clock.

    ``by=None`` is the automatic escalation of the sweep on a missed deadline.
    """
    rules.require(rules.ESCALATE, case=case, by=by)
    reason = clean_text(reason, "reason", max_length=1000)
    target = escalation_target(case)
    at = clock.now()
    changes = new_owner(case, target, at)
    event = history.append(
        case,
        kind=EventKind.ESCALATE,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        note=reason,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"from_unit": case.owner_id, "automatic": by is None},
        changes=changes,
    )
    case.owner = target
    return event
