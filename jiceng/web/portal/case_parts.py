"""Parts of the case page: the steps with their ratings, a reopening, the texts choice."""

from __future__ import annotations

from jiceng.cases import public
from jiceng.cases.models import OPEN_STATES, Case, EventKind
from jiceng.notices import optout_state as texts
from jiceng.web.portal.forms import SATISFACTION_CHOICES


def texts_choice(case: Case) -> dict[str, bool] | None:
    """Whether this resident's phone gets our text messages, for the stop/start form."""
    resident = case.resident
    if resident is None or not texts.can_choose(resident):
        return None
    return {"stopped": texts.stopped(resident)}


def steps_with_ratings(case: Case, followed: Case) -> list[tuple[public.Step, str]]:
    """Each public step with the words for its rating, if it is one."""
    labels: dict[str, str] = {str(code): str(label) for code, label in SATISFACTION_CHOICES}
    steps = public.resident_timeline(case, followed)
    return [(step, labels.get(step.satisfaction, "")) for step in steps]


def handled_again(case: Case, steps: list[tuple[public.Step, str]]) -> public.Step | None:
    """The latest reopening while the case is open again, so the top of the page says so."""
    if case.reopen_count == 0 or case.state not in OPEN_STATES:
        return None
    return next((step for step, _words in reversed(steps) if step.kind == EventKind.REOPEN), None)
