"""The sweep closes a resolved case whose rating window passed without a rating."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.system import SYSTEM
from jiceng.core import clock


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
