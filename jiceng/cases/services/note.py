"""An internal note by staff in a case's history; never shown to the public."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind
from jiceng.cases.services.cleaning import clean_text
from jiceng.core import clock
from jiceng.people.models import User


def case_note(*, case: Case, by: User, note: str) -> CaseEvent:
    """An internal note; never shown to the public."""
    rules.require(rules.NOTE, case=case, by=by)
    note = clean_text(note, "note", max_length=2000)
    return history.append(
        case, kind=EventKind.NOTE, at=clock.now(), by=by, to_state=case.state, note=note
    )
