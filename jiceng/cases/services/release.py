"""A dispatcher releases a held request as real: it waits for dispatch, its clock starts."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.clocks import deadlines_from
from jiceng.core import clock
from jiceng.people.models import User


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
