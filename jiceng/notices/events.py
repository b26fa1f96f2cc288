"""What each case event tells whom: the producers of the outbox.

``on_event`` receives every case event inside the transaction that writes it
(``cases.history.event_recorded``) and plans its messages there, so they exist exactly
when the event does. Residents hear of their request by SMS; units hear in their
workbench inbox, with deadline warnings planned ahead and withdrawn by the drain when
the case has moved on. Dispatch centres get a digest instead (``notices.digests``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any

from django.urls import reverse

from jiceng.cases.models import Case, CaseEvent, EventKind, State, Urgency
from jiceng.core import pii
from jiceng.notices import links
from jiceng.notices.models import Channel, Message, StaffContact
from jiceng.notices.outbox import writing
from jiceng.people.models import Unit, UnitKind

# Shares of a response (and resolution) window after which the owning unit is warned.
RESPOND_WARNINGS = (50, 90)
RESOLVE_WARNINGS = (90,)
TITLE_CHARS = 20

Plan = Callable[[Case, CaseEvent], list[Message]]


_muted: ContextVar[bool] = ContextVar("jiceng_notices_muted", default=False)


@contextmanager
def muted() -> Iterator[None]:
    """Plan nothing for the events written inside: the demo's simulated past tells nobody."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def on_event(sender: object, *, case: Case, event: CaseEvent, **kwargs: Any) -> None:
    if _muted.get():
        return
    planned: list[Message] = []
    for plan in PLANS.get(event.kind, ()):
        planned.extend(plan(case, event))
    writing.plan(planned)


# --- residents -------------------------------------------------------------------------------


def _to_resident(
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


def _received(case: Case, event: CaseEvent) -> list[Message]:
    if event.kind == EventKind.SUBMIT and event.respond_by is None:
        return []  # held as likely spam (told on release) or a consultation (answered by phone)
    deadline = case.resolve_by.isoformat() if case.resolve_by else ""
    params = {"deadline": deadline, "link": links.FOLLOW}
    return _to_resident(case, event, "case_received", params)


def _unit_name(event: CaseEvent) -> str:
    return event.unit.name if event.unit_id is not None and event.unit is not None else ""


def _accepted(case: Case, event: CaseEvent) -> list[Message]:
    return _to_resident(case, event, "case_accepted", {"unit": _unit_name(event)})


def _escalated(case: Case, event: CaseEvent) -> list[Message]:
    return _to_resident(case, event, "case_escalated", {"unit": _unit_name(event)})


def _progress(case: Case, event: CaseEvent) -> list[Message]:
    params = {"unit": _unit_name(event), "link": links.FOLLOW}
    return _to_resident(case, event, "case_progress", params)


def _resolved(case: Case, event: CaseEvent) -> list[Message]:
    """The resident, and the residents of requests merged into this one, are asked to rate."""
    unit = _unit_name(event)
    told = _to_resident(case, event, "case_resolved", {"unit": unit, "link": links.RATE})
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


def _reopened(case: Case, event: CaseEvent) -> list[Message]:
    return _to_resident(case, event, "case_reopened", {"unit": _unit_name(event)})


def _merged(case: Case, event: CaseEvent) -> list[Message]:
    params = {"into": event.data.get("into", ""), "link": links.FOLLOW}
    return _to_resident(case, event, "case_merged", params)


def _answered(case: Case, event: CaseEvent) -> list[Message]:
    return _to_resident(case, event, "consultation_answered", {"link": links.FOLLOW})


def _short(case: Case) -> str:
    """The title as staff see it (numbers and the resident's name masked), cut short enough
    for an SMS parameter: gateways cap each at a few dozen characters. Masked before it is
    cut, so a cut never leaves half a phone number that the masking would not recognise."""
    name = case.resident.name if case.resident_id is not None and case.resident else ""
    title = pii.mask_text(case.title, names=[name] if name else [])
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


# --- staff -------------------------------------------------------------------------------------


def _to_unit(
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


def _handling_unit(event: CaseEvent) -> bool:
    """A unit that handles cases (not a dispatch centre, which hears by digest)."""
    return (
        event.unit_id is not None
        and event.unit is not None
        and event.unit.kind != UnitKind.DISPATCH
    )


def _warnings(
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
        _to_unit(
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


def _urgent_to_members(case: Case, event: CaseEvent) -> list[Message]:
    """An emergency reaches the unit's members who asked for SMS or email, at once."""
    if case.urgency != Urgency.EMERGENCY or event.unit_id is None:
        return []
    link = links.absolute(reverse("workbench:case", kwargs={"number": case.number}))
    contacts = StaffContact.objects.filter(
        user__unit_id=event.unit_id, user__is_active=True
    ).filter(by_sms=True) | StaffContact.objects.filter(
        user__unit_id=event.unit_id, user__is_active=True, by_email=True
    )
    planned = []
    for contact in contacts.distinct():
        for channel, wanted in ((Channel.SMS, contact.by_sms), (Channel.EMAIL, contact.by_email)):
            if wanted:
                planned.append(
                    writing.message(
                        key=f"staff_urgent:{case.pk}:{event.seq}:{contact.user_id}:{channel}",
                        channel=channel,
                        template="staff_urgent",
                        params={"number": case.number, "title": _short(case), "link": link},
                        at=event.at,
                        case_id=case.pk,
                        user_id=contact.user_id,
                        urgent=True,
                    )
                )
    return planned


def _handed_over(case: Case, event: CaseEvent) -> list[Message]:
    """A unit receives a case (dispatched, escalated or reopened to it)."""
    if not _handling_unit(event):
        return []
    template = "case_reopened_staff" if event.kind == EventKind.REOPEN else "case_new"
    deadline = event.respond_by.isoformat() if event.respond_by else ""
    told = [_to_unit(case, event, template, {"title": _short(case), "deadline": deadline})]
    told += _warnings(
        case, event, "respond_due", State.DISPATCHED, event.respond_by, RESPOND_WARNINGS
    )
    return told + _urgent_to_members(case, event)


def _accepted_by_unit(case: Case, event: CaseEvent) -> list[Message]:
    return _warnings(case, event, "resolve_due", State.ACCEPTED, case.resolve_by, RESOLVE_WARNINGS)


def _reminded(case: Case, event: CaseEvent) -> list[Message]:
    due = event.data.get("due") or ""
    template = "dispatch_due" if event.data.get("before") else "case_overdue"
    return [_to_unit(case, event, template, {"deadline": due})]


def _flagged(case: Case, event: CaseEvent) -> list[Message]:
    """The county's leaders (members of the county government unit) hear of a late dispatch."""
    county = event.data.get("county") or case.division_id[:6]
    governments = Unit.objects.filter(kind=UnitKind.COUNTY, division_id=county, active=True)
    centre = _unit_name(event)
    return [
        _to_unit(case, event, "case_flagged", {"unit": centre}, unit_id=unit_id)
        for unit_id in governments.values_list("pk", flat=True)
    ]


PLANS: dict[str, tuple[Plan, ...]] = {
    EventKind.SUBMIT: (_received,),
    EventKind.RELEASE: (_received,),
    EventKind.ANSWER: (_answered,),
    EventKind.DISPATCH: (_handed_over,),
    EventKind.ACCEPT: (_accepted, _accepted_by_unit),
    EventKind.ESCALATE: (_escalated, _handed_over),
    EventKind.REPLY: (_progress,),
    EventKind.RESOLVE: (_resolved,),
    EventKind.REOPEN: (_reopened, _handed_over),
    EventKind.MERGE: (_merged,),
    EventKind.REMIND: (_reminded,),
    EventKind.FLAG: (_flagged,),
}
