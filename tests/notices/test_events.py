"""Who hears of what: each case event plans its messages (docs/notifications.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.models import Category, Channel, Satisfaction, Urgency
from jiceng.cases.sweep import sweep
from jiceng.core import clock
from jiceng.notices.models import Channel as Via
from jiceng.notices.models import Message, StaffContact
from jiceng.people.models import Unit, User

from factories import TIANZHU, accepted, dispatched, resolved, submit
from intake_support import SPAM_TEXT

pytestmark = pytest.mark.django_db


def _planned(**filters: object) -> list[tuple[str, object]]:
    """(template, recipient) of the planned messages: a resident's case id or a unit id."""
    rows = Message.objects.filter(**filters).order_by("pk")
    return [(m.template, m.case_id if m.resident_id else m.unit_id) for m in rows]


def test_a_request_the_spam_check_holds_texts_nobody_until_a_dispatcher_releases_it(
    users: dict[str, User], monday: object
) -> None:
    held = submit(users, description=SPAM_TEXT, title="")
    assert not Message.objects.exists()
    services.case_release(case=held, by=users["dispatcher"])
    assert _planned() == [("case_received", held.pk)]


def test_a_cadre_keeping_a_request_in_the_village_tells_the_resident_and_the_village(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    case = submit(users, by=users["cadre"], channel=Channel.IN_PERSON)
    assert ("case_received", case.pk) in _planned()
    assert ("case_new", org["tianzhu"].pk) in _planned()


def test_a_consultation_answered_on_the_phone_sends_the_answer_link(
    users: dict[str, User], monday: object
) -> None:
    case = services.case_consult(
        category=Category.objects.get(code="social_security"),
        question="养老保险怎么续交？",
        answer="可在浙里办App或社区服务中心续交。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )
    assert _planned() == [("consultation_answered", case.pk)]


def test_an_automatic_escalation_tells_the_resident_and_the_township(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    case = accepted(users)
    assert case.resolve_by is not None
    with clock.frozen_at(case.resolve_by + timedelta(minutes=1)):
        sweep()
    planned = _planned(created_at__gt=case.resolve_by)
    assert ("case_escalated", case.pk) in planned
    assert ("case_new", org["fengqiao"].pk) in planned
    escalated = Message.objects.get(template="case_escalated")
    assert escalated.params["unit"] == org["fengqiao"].name


def test_an_overdue_response_reaches_the_units_inbox(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    case = dispatched(users)
    assert case.respond_by is not None
    with clock.frozen_at(case.respond_by + timedelta(minutes=5)):
        sweep()
    assert ("case_overdue", org["tianzhu"].pk) in _planned()


def test_a_request_waiting_too_long_at_the_centre_reaches_the_countys_leaders(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    case = submit(users)
    assert case.respond_by is not None
    with clock.frozen_at(case.respond_by + timedelta(minutes=5)):
        sweep()
    flagged = Message.objects.get(template="case_flagged")
    assert flagged.unit_id == org["county"].pk == users["leader"].unit_id
    assert flagged.params["unit"] == org["centre"].name


def test_an_unsatisfied_rating_reopens_and_tells_the_resident_and_the_unit(
    users: dict[str, User], org: dict[str, Unit], monday: object
) -> None:
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction=Satisfaction.UNSATISFIED)
    assert ("case_reopened", case.pk) in _planned()
    assert ("case_reopened_staff", org["tianzhu"].pk) in _planned()


def test_residents_of_merged_requests_are_told_and_asked_to_rate_when_it_is_resolved(
    users: dict[str, User], monday: object
) -> None:
    survivor = dispatched(users)
    duplicate = submit(users, contact_phone="13900001111")
    services.case_merge(case=duplicate, into=survivor, by=users["dispatcher"])
    merged = Message.objects.get(template="case_merged")
    assert (merged.case_id, merged.params["into"]) == (duplicate.pk, survivor.number)
    services.case_accept(case=survivor, by=users["cadre"])
    services.case_resolve(case=survivor, by=users["cadre"], answer="已修好。")
    told = Message.objects.filter(template="case_resolved").order_by("pk")
    assert [(m.case_id, m.resident_id) for m in told] == [
        (survivor.pk, survivor.resident_id),
        (duplicate.pk, duplicate.resident_id),
    ]


def test_an_emergency_goes_at_once_to_members_who_asked_for_sms_and_nobody_else(
    users: dict[str, User], monday: object
) -> None:
    StaffContact.objects.create(user=users["cadre"], mobile="13700000001", by_sms=True)
    StaffContact.objects.create(user=users["neighbour_cadre"], mobile="13700000002", by_sms=True)
    StaffContact.objects.create(user=users["grid_worker"], mobile="13700000003")
    case = dispatched(users, urgency=Urgency.EMERGENCY)
    urgent = Message.objects.filter(template="staff_urgent")
    assert [(m.user_id, m.channel) for m in urgent] == [(users["cadre"].pk, Via.SMS)]
    assert all(m.urgent for m in Message.objects.filter(case=case))


def test_nothing_is_planned_for_internal_notes_or_category_changes(
    users: dict[str, User], monday: object
) -> None:
    case = accepted(users)
    before = Message.objects.count()
    services.case_note(case=case, by=users["cadre"], note="明天带梯子去。")
    assert Message.objects.count() == before


def test_a_title_reaches_staff_with_numbers_and_names_masked_before_it_is_cut(
    users: dict[str, User], monday: object
) -> None:
    dispatched(users, title="王小明反映路灯坏了请回电13812345678")
    (new,) = Message.objects.filter(template="case_new")
    title = new.params["title"]
    assert "王小明" not in title and "1381234" not in title and "5678" not in title
    assert len(title) <= 20
