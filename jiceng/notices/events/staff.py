"""What a case event tells the units: in their workbench inbox, with deadline warnings
planned ahead and withdrawn by the drain when the case has moved on."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from jiceng.cases.models import Case, CaseEvent, EventKind, State, Urgency
from jiceng.notices.events.residents import unit_name
from jiceng.notices.events.titles import short
from jiceng.notices.events.urgent import urgent_to_members
from jiceng.notices.models import Channel, Message
from jiceng.notices.outbox import writing
from jiceng.people.models import Unit, UnitKind

# Shares of a response (and resolution) window after which the owning unit is warned.
RESPOND_WARNINGS = (50, 90)
RESOLVE_WARNINGS = (90,)


def to_unit(
    case: Case,
    event: CaseEvent,
    template: str,
    params: Mapping[str, object],
    *,
    unit_id: int | None = None,
    not_before: datetime | None = None,
    expect: Mapping[str, object] | None = None,
    tag: str = "",
) -> Message:
    unit_id = unit_id or event.unit_id
    return writing.message(
        key=f"{template}:{case.pk}:{event.seq}:u{unit_id}{tag}",
        channel=Channel.INAPP,
        template=template,
        params={"number": case.number, **params},
        at=event.at,
        case_id=case.pk,
        unit_id=unit_id,
        urgent=case.urgency == Urgency.EMERGENCY,
        not_before=not_before,
        expect=expect,
    )


def handling_unit(event: CaseEvent) -> bool:
    """A unit that handles cases (not a dispatch centre, which hears by digest)."""
    return (
        event.unit_id is not None
        and event.unit is not None
        and event.unit.kind != UnitKind.DISPATCH
    )


def warnings(
    case: Case,
    event: CaseEvent,
    template: str,
    state: str,
    due: datetime | None,
    shares: tuple[int, ...],
) -> list[Message]:
    """Warnings planned for later in the window; dropped by the drain if the case moved on."""
    if due is None or due <= event.at:
        return []
    window = due - event.at
    expect = {"states": [state], "since": event.at.isoformat()}
    return [
        to_unit(
            case,
            event,
            template,
            {"share": share, "deadline": due.isoformat()},
            not_before=event.at + window * share / 100,
            expect=expect,
            tag=f":{share}",
        )
        for share in shares
    ]


def handed_over(case: Case, event: CaseEvent) -> list[Message]:
    """A unit receives a case (dispatched, escalated or reopened to it)."""
    if not handling_unit(event):
        return []
    template = "case_reopened_staff" if event.kind == EventKind.REOPEN else "case_new"
    deadline = event.respond_by.isoformat() if event.respond_by else ""
    told = [to_unit(case, event, template, {"title": short(case), "deadline": deadline})]
    told += warnings(
        case, event, "respond_due", State.DISPATCHED, event.respond_by, RESPOND_WARNINGS
    )
    return told + urgent_to_members(case, event)


def accepted_by_unit(case: Case, event: CaseEvent) -> list[Message]:
    return warnings(case, event, "resolve_due", State.ACCEPTED, case.resolve_by, RESOLVE_WARNINGS)


def reminded(case: Case, event: CaseEvent) -> list[Message]:
    due = event.data.get("due") or ""
    template = "dispatch_due" if event.data.get("before") else "case_overdue"
    return [to_unit(case, event, template, {"deadline": due})]


def flagged(case: Case, event: CaseEvent) -> list[Message]:
    """The county's leaders (members of the county government unit) hear of a late dispatch."""
    county = event.data.get("county") or case.division_id[:6]
    governments = Unit.objects.filter(kind=UnitKind.COUNTY, division_id=county, active=True)
    centre = unit_name(event)
    return [
        to_unit(case, event, "case_flagged", {"unit": centre}, unit_id=unit_id)
        for unit_id in governments.values_list("pk", flat=True)
    ]
