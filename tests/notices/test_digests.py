"""Digests: a dispatch centre hears of waiting requests as one message per round."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from jiceng.core import clock
from jiceng.notices import digests
from jiceng.notices.models import Channel, Message, Status
from jiceng.people.models import Unit, User

from factories import submit

pytestmark = pytest.mark.django_db


def _centre_digests() -> list[Message]:
    return list(Message.objects.filter(template="centre_waiting").order_by("pk"))


def test_many_waiting_requests_arrive_at_the_centre_as_one_message(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    for _ in range(7):
        submit(users)
    assert not Message.objects.filter(unit=org["centre"]).exists()  # no message per request
    digests.run_digests()
    (digest,) = _centre_digests()
    assert (digest.unit_id, digest.channel, digest.status) == (
        org["centre"].pk,
        Channel.INAPP,
        Status.DELIVERED,
    )
    assert digest.params["count"] == 7


def test_no_new_digest_until_new_requests_come_in_and_two_workers_write_one(
    users: dict[str, User], monday: object, settings: object
) -> None:
    submit(users)
    digests.run_digests()
    digests.run_digests()  # a second worker in the same round
    assert len(_centre_digests()) == 1
    later = clock.now() + timedelta(hours=2)
    with clock.frozen_at(later):
        digests.run_digests()  # nothing new came in
    assert len(_centre_digests()) == 1
    with clock.frozen_at(later + timedelta(minutes=1)):
        submit(users)
    with clock.frozen_at(later + timedelta(hours=1, minutes=1)):
        digests.run_digests()
    first, second = _centre_digests()
    assert (first.params["count"], second.params["count"]) == (1, 2)


def test_requests_held_as_spam_or_already_dispatched_are_not_counted(
    users: dict[str, User], monday: object
) -> None:
    from jiceng.cases import services

    waiting, sent_on = submit(users), submit(users)
    services.case_dispatch(case=sent_on, by=users["dispatcher"])
    digests.run_digests()
    (digest,) = _centre_digests()
    assert digest.params["count"] == 1
    assert datetime.fromisoformat(digest.params["oldest"]) == waiting.owner_since


def test_a_cadre_who_asked_gets_one_sms_summing_up_unread_inbox_messages(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    from jiceng.notices.models import MessageRead, StaffContact

    from factories import dispatched

    StaffContact.objects.create(user=users["cadre"], mobile="13700000001", by_sms=True)
    first, _second, _third = dispatched(users), dispatched(users), dispatched(users)
    MessageRead.objects.create(
        message=Message.objects.get(template="case_new", case=first),
        user=users["cadre"],
        at=clock.now(),
    )
    later = clock.now() + timedelta(minutes=5)
    with clock.frozen_at(later):
        digests.run_digests()
    (digest,) = Message.objects.filter(template="staff_digest")
    assert (digest.user_id, digest.channel, digest.params["count"]) == (
        users["cadre"].pk,
        Channel.SMS,
        2,
    )
    assert digest.params["link"].endswith("/workbench/inbox/")
    with clock.frozen_at(later + timedelta(hours=2)):
        digests.run_digests()  # nothing new since: no second digest
    assert Message.objects.filter(template="staff_digest").count() == 1
    assert not Message.objects.filter(template="staff_digest", user=users["grid_worker"]).exists()
