"""Which plans each event kind runs (unless muted, see ``muting``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jiceng.cases.models import Case, CaseEvent, EventKind
from jiceng.notices.events import residents, staff
from jiceng.notices.events.muting import is_muted
from jiceng.notices.events.resolved import resolved
from jiceng.notices.models import Message
from jiceng.notices.outbox import writing

Plan = Callable[[Case, CaseEvent], list[Message]]


def on_event(sender: object, *, case: Case, event: CaseEvent, **kwargs: Any) -> None:
    if is_muted():
        return
    planned: list[Message] = []
    for plan in PLANS.get(event.kind, ()):
        planned.extend(plan(case, event))
    writing.plan(planned)


PLANS: dict[str, tuple[Plan, ...]] = {
    EventKind.SUBMIT: (residents.received,),
    EventKind.RELEASE: (residents.received,),
    EventKind.ANSWER: (residents.answered,),
    EventKind.DISPATCH: (staff.handed_over,),
    EventKind.ACCEPT: (residents.accepted, staff.accepted_by_unit),
    EventKind.ESCALATE: (residents.escalated, staff.handed_over),
    EventKind.REPLY: (residents.progress,),
    EventKind.RESOLVE: (resolved,),
    EventKind.REOPEN: (residents.reopened, staff.handed_over),
    EventKind.MERGE: (residents.merged,),
    EventKind.REMIND: (staff.reminded,),
    EventKind.FLAG: (staff.flagged,),
}
