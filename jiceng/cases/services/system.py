"""What the system does on its own (the sweep): remind, flag to leaders, close unrated."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition

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


def case_flag(*, case: Case) -> CaseEvent:
    """A request still waiting for dispatch past the centre's response deadline is flagged
    to the county's leaders (督办), once per wait."""
    rules.require(rules.FLAG, case=case, by=SYSTEM)
    due = case.respond_by
    if due is None or clock.now() <= due:
        raise IllegalTransition(action=str(rules.RULES[rules.FLAG].verb), state=_("not late"))
    return history.append(
        case,
        kind=EventKind.FLAG,
        at=clock.now(),
        by=SYSTEM,
        to_state=case.state,
        unit=case.owner,
        data={"due": due.isoformat(), "county": case.division_id[:6]},
    )


def case_close_unrated(*, case: Case) -> CaseEvent:
    """Close a resolved case whose rating window passed without a rating (not counted as rated)."""
    rules.require(rules.CLOSE_UNRATED, case=case, by=SYSTEM)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.CLOSE,
        at=at,
        by=SYSTEM,
        to_state=State.CLOSED,
        unit=case.owner,
        data={"reason": "rating window passed"},
        changes={"closed_at": at},
    )
