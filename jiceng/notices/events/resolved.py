"""A resolved case asks its resident, and those of requests merged into it, to rate it."""

from __future__ import annotations

from jiceng.cases.models import Case, CaseEvent, State, Urgency
from jiceng.notices import links
from jiceng.notices.events.residents import to_resident, unit_name
from jiceng.notices.models import Channel, Message
from jiceng.notices.outbox import writing


def resolved(case: Case, event: CaseEvent) -> list[Message]:
    """The resident, and the residents of requests merged into this one, are asked to rate."""
    unit = unit_name(event)
    told = to_resident(case, event, "case_resolved", {"unit": unit, "link": links.RATE})
    merged = Case.objects.filter(
        merged_into_id=case.pk, state=State.MERGED, resident__isnull=False
    ).only("pk", "number", "resident_id", "urgency")
    for duplicate in merged:
        params = {"number": duplicate.number, "unit": unit, "link": links.RATE}
        told.append(
            writing.message(
                key=f"case_resolved:{duplicate.pk}:via:{case.pk}:{event.seq}",
                channel=Channel.SMS,
                template="case_resolved",
                params=params,
                at=event.at,
                case_id=duplicate.pk,
                resident_id=duplicate.resident_id,
                urgent=duplicate.urgency == Urgency.EMERGENCY,
            )
        )
    return told
