"""An emergency told at once to the owning unit's members who asked for SMS or email."""

from __future__ import annotations

from django.urls import reverse

from jiceng.cases.models import Case, CaseEvent, Urgency
from jiceng.notices import links
from jiceng.notices.events.titles import short
from jiceng.notices.models import Channel, Message, StaffContact
from jiceng.notices.outbox import writing


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
