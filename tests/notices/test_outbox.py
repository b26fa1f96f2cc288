"""The outbox: messages are written with their event, and the drain sends each once."""

from __future__ import annotations

import pytest
from django.db import transaction

from jiceng.cases import services
from jiceng.cases.models import Urgency
from jiceng.core import clock
from jiceng.notices import channels, links, outbox
from jiceng.notices.models import Channel, Message, OptOut, Status
from jiceng.people.models import User

from factories import accepted, dispatched, local, resolved, submit

pytestmark = pytest.mark.django_db


def _messages(template: str) -> list[Message]:
    return list(Message.objects.filter(template=template).order_by("pk"))


def test_a_submitted_request_plans_one_sms_to_its_resident_with_number_deadline_and_link(
    users: dict[str, User], monday: object
) -> None:
    case = submit(users)
    (message,) = _messages("case_received")
    assert message.channel == Channel.SMS
    assert message.resident_id == case.resident_id
    assert message.status == Status.PENDING
    assert message.params["number"] == case.number
    assert message.params["deadline"] == case.resolve_by.isoformat()
    assert message.params["link"] == "f"  # the follow link is made when sending


def test_a_rolled_back_change_leaves_no_message(users: dict[str, User], monday: object) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        submit(users)
        raise RuntimeError("the request fails after the case was written")
    assert not Message.objects.exists()


def test_the_drain_sends_each_message_once_and_marks_it(
    users: dict[str, User], monday: object
) -> None:
    submit(users)
    first = outbox.drain()
    again = outbox.drain()
    (message,) = _messages("case_received")
    assert (first.sent, again.claimed) == (1, 0)
    assert message.status == Status.DELIVERED  # the file channel writes it at once
    assert message.attempts == 1
    assert message.sent_at is not None


def test_no_sms_at_night_except_for_an_emergency(users: dict[str, User]) -> None:
    night = local(2026, 3, 2, 23, 30)
    with clock.frozen_at(night):
        submit(users)
        submit(users, urgency=Urgency.EMERGENCY)
        report = outbox.drain()
    normal, emergency = _messages("case_received")
    normal.refresh_from_db()
    assert (report.sent, report.deferred) == (1, 1)
    assert emergency.urgent and Message.objects.get(pk=emergency.pk).status == Status.DELIVERED
    assert normal.status == Status.PENDING
    assert normal.not_before == local(2026, 3, 3, 8, 0)


def test_a_phone_that_opted_out_is_not_texted(users: dict[str, User], monday: object) -> None:
    case = submit(users)
    assert case.resident is not None
    OptOut.objects.create(phone_index=case.resident.phone_index, at=clock.now(), source="link")
    outbox.drain()
    (message,) = _messages("case_received")
    assert (message.status, message.error) == (Status.CANCELLED, "opted out")


def test_one_phone_gets_at_most_the_daily_limit_of_sms(
    users: dict[str, User], monday: object, settings: object
) -> None:
    settings.JICENG_SMS_DAILY_LIMIT = 3  # type: ignore[attr-defined]
    for _ in range(5):
        submit(users)
    outbox.drain()
    statuses = [m.status for m in _messages("case_received")]
    assert statuses.count(Status.DELIVERED) == 3
    assert statuses.count(Status.CANCELLED) == 2


def test_a_landline_is_not_texted_and_the_message_fails_so_someone_calls(
    users: dict[str, User], monday: object
) -> None:
    submit(users, contact_phone="0575-87654321")
    outbox.drain()
    (message,) = _messages("case_received")
    assert (message.status, message.error) == (Status.FAILED, "not a mobile number")


def test_the_unit_hears_of_a_dispatched_case_in_its_inbox_with_warnings_planned(
    users: dict[str, User], monday: object
) -> None:
    case = dispatched(users)
    (new,) = _messages("case_new")
    assert (new.unit_id, new.status) == (users["cadre"].unit_id, Status.DELIVERED)
    warnings = _messages("respond_due")
    assert [w.params["share"] for w in warnings] == [50, 90]
    assert all(w.status == Status.PENDING for w in warnings)
    assert case.respond_by is not None
    assert warnings[0].not_before == case.owner_since + (case.respond_by - case.owner_since) / 2


def test_a_deadline_warning_is_withdrawn_once_the_case_was_accepted(
    users: dict[str, User], monday: object
) -> None:
    case = dispatched(users)
    assert case.respond_by is not None
    halfway = case.owner_since + (case.respond_by - case.owner_since) * 0.6
    with clock.frozen_at(halfway):
        outbox.drain()
    services.case_accept(case=case, by=users["cadre"])
    with clock.frozen_at(case.respond_by):
        outbox.drain()
    fifty, ninety = _messages("respond_due")
    assert fifty.status == Status.DELIVERED
    assert (ninety.status, ninety.error) == (Status.CANCELLED, "no longer due")


def test_resolution_sends_a_rating_link_that_expires_with_the_rating_window(
    users: dict[str, User], monday: object
) -> None:
    case = resolved(users)
    (message,) = _messages("case_resolved")
    assert message.params["unit"] == users["cadre"].unit.name  # type: ignore[union-attr]
    link = outbox.wording(message)["link"]
    opened = links.open_token(link.rsplit("/r/", 1)[1].rstrip("/"))
    assert (opened.case_id, opened.purpose) == (case.pk, links.RATE)
    assert case.resolved_at is not None
    assert opened.expires == links.rate_until(case.resolved_at).replace(microsecond=0)


def test_the_sms_as_sent_carries_the_link_and_no_token_is_kept_in_the_outbox(
    users: dict[str, User], monday: object, settings: object
) -> None:
    case = submit(users)
    outbox.drain()
    (message,) = _messages("case_received")
    sent = (settings.JICENG_OUTBOX_DIR / "sms" / f"{message.client_id}.txt").read_text()  # type: ignore[attr-defined]
    assert case.number in sent and "/r/" in sent
    assert "/r/" not in str(message.params)


def test_acceptance_is_told_to_the_resident(users: dict[str, User], monday: object) -> None:
    accepted(users)
    (message,) = _messages("case_accepted")
    assert message.params["unit"] == users["cadre"].unit.name  # type: ignore[union-attr]


def test_a_failed_send_is_retried_later_with_growing_delays_then_fails_with_its_reason(
    users: dict[str, User], monday: object, settings: object
) -> None:
    settings.JICENG_NOTICE_BACKENDS = {"sms": "notice_backends.AlwaysDown", "email": ""}  # type: ignore[attr-defined]
    settings.JICENG_OUTBOX_MAX_ATTEMPTS = 4  # type: ignore[attr-defined]
    channels.forget()
    submit(users)
    moment, delays = clock.now(), []
    for _ in range(4):
        with clock.frozen_at(moment):
            outbox.drain()
        (message,) = _messages("case_received")
        delays.append(message.not_before - moment)
        moment = message.not_before
    assert delays[0] < delays[1] < delays[2]
    assert (message.status, message.attempts) == (Status.FAILED, 4)
    assert message.error == "gave up after 4 tries: connection refused"
