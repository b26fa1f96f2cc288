"""The system (the sweep) as an actor, and its reminder to a case's owner."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind
from jiceng.core import clock

SYSTEM = None  # ``by=None``: the system (sweep) or the resident acting through a link


def case_remind(*, case: Case) -> CaseEvent:
    """The system reminds the owner once per clock: the dispatch centre before its response
    deadline runs out, a handling unit once it has passed."""
    rules.require(rules.REMIND, case=case, by=SYSTEM)
    at = clock.now()
    due = case.respond_by
    return history.append(
        case,
        kind=EventKind.REMIND,
        at=at,
        by=SYSTEM,
        to_state=case.state,
        unit=case.owner,
        data={"due": due.isoformat() if due else None, "before": bool(due and at < due)},
        changes={"reminded_at": at},
    )
