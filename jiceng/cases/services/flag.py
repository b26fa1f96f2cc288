"""The sweep flags a request left waiting for dispatch to the county's leaders (督办)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind
from jiceng.cases.services.system import SYSTEM
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition


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
