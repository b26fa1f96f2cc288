"""Spam quarantine at intake (see cases.intake): the request held, until released or confirmed."""

from __future__ import annotations

from jiceng.cases import history
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.system import SYSTEM


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
