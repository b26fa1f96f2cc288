"""What a case event tells its resident, by SMS (and the residents of merged requests)."""

from __future__ import annotations

from collections.abc import Mapping

from jiceng.cases.models import Case, CaseEvent, EventKind, Urgency
from jiceng.notices import links
from jiceng.notices.models import Channel, Message
from jiceng.notices.outbox import writing


def to_resident(
    case: Case, event: CaseEvent, template: str, params: Mapping[str, object], *, case_id: int = 0
) -> list[Message]:
    resident_id = case.resident_id
    if resident_id is None:
        return []
    return [
        writing.message(
            key=f"{template}:{case.pk}:{event.seq}",
            channel=Channel.SMS,
            template=template,
            params={"number": case.number, **params},
            at=event.at,
            case_id=case.pk,
            resident_id=resident_id,
            urgent=case.urgency == Urgency.EMERGENCY,
        )
    ]


def received(case: Case, event: CaseEvent) -> list[Message]:
    if event.kind == EventKind.SUBMIT and event.respond_by is None:
        return []  # held as likely spam (told on release) or a consultation (answered by phone)
    deadline = case.resolve_by.isoformat() if case.resolve_by else ""
    params = {"deadline": deadline, "link": links.FOLLOW}
    return to_resident(case, event, "case_received", params)


def unit_name(event: CaseEvent) -> str:
    return event.unit.name if event.unit_id is not None and event.unit is not None else ""


def accepted(case: Case, event: CaseEvent) -> list[Message]:
    return to_resident(case, event, "case_accepted", {"unit": unit_name(event)})


def escalated(case: Case, event: CaseEvent) -> list[Message]:
    return to_resident(case, event, "case_escalated", {"unit": unit_name(event)})


def progress(case: Case, event: CaseEvent) -> list[Message]:
    params = {"unit": unit_name(event), "link": links.FOLLOW}
    return to_resident(case, event, "case_progress", params)


def reopened(case: Case, event: CaseEvent) -> list[Message]:
    return to_resident(case, event, "case_reopened", {"unit": unit_name(event)})


def merged(case: Case, event: CaseEvent) -> list[Message]:
    params = {"into": event.data.get("into", ""), "link": links.FOLLOW}
    return to_resident(case, event, "case_merged", params)


def answered(case: Case, event: CaseEvent) -> list[Message]:
    return to_resident(case, event, "consultation_answered", {"link": links.FOLLOW})
