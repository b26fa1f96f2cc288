"""An emergency told at once to the owning unit's members who asked for SMS or email."""

from __future__ import annotations

from django.urls import reverse

from jiceng.cases.models import Case, CaseEvent, Urgency
from jiceng.core import pii
from jiceng.notices import links
from jiceng.notices.models import Channel, Message, StaffContact
from jiceng.notices.outbox import writing

TITLE_CHARS = 20


def short(case: Case) -> str:
    """The title as staff see it (numbers and the resident's name masked), cut short enough
    for an SMS parameter: gateways cap each at a few dozen characters. Masked before it is
    cut, so a cut never leaves half a phone number that the masking would not recognise."""
    name = case.resident.name if case.resident_id is not None and case.resident else ""
    title = pii.mask_text(case.title, names=[name] if name else [])
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"


def urgent_to_members(case: Case, event: CaseEvent) -> list[Message]:
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
                        params={"number": case.number, "title": short(case), "link": link},
                        at=event.at,
                        case_id=case.pk,
                        user_id=contact.user_id,
                        urgent=True,
                    )
                )
    return planned
