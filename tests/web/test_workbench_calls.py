"""The dispatcher's call list: residents an SMS could not reach, scoped to the county."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client

from jiceng.core import clock
from jiceng.notices import inbox, outbox
from jiceng.notices.models import Message, Status
from jiceng.people.models import AccessLog, Role, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level

from factories import resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LANDLINE = "0575-87654321"


def _failed(users, **extra):
    case = submit(users, contact_phone=LANDLINE, **extra)
    outbox.drain()
    return case, Message.objects.get(case=case, template="case_received")


def _as(client, users, who):
    client.force_login(users[who])
    return client


@pytest.fixture
def shengzhou_dispatcher(places):
    """The dispatcher of another county (嵊州市) with a request of its own."""
    county = Division.objects.create(
        code="330683", name="嵊州市", level=Level.COUNTY, parent_id="3306"
    )
    township = Division.objects.create(
        code="330683001", name="剡湖街道", level=Level.TOWNSHIP, parent=county
    )
    Division.objects.create(
        code="330683001001", name="城隍山社区", level=Level.VILLAGE, parent=township
    )
    return User.objects.create_user(
        username="shengzhou",
        password="pw",
        role=Role.DISPATCHER,
        unit=ensure_unit(county, UnitKind.DISPATCH, active=True),
    )


def test_a_failed_sms_is_listed_with_its_case_words_reason_and_masked_phone(client, users, monday):
    case, message = _failed(users)
    response = _as(client, users, "dispatcher").get("/workbench/desk/calls/", **EN)
    html = response.content.decode()
    (call,) = response.context["calls"]
    assert call.number == case.number and call.reason == "not a mobile number"
    assert call.phone == "057******4321" and call.text.startswith(f"Your request {case.number}")
    assert f'href="/workbench/cases/{case.number}/"' in html
    assert "87654321" not in html.replace("057******4321", "")
    assert message.params["link"] == "f" and "/r/" not in html
    assert call.text.endswith("Follow it: (the resident's own link)")
    assert "1 resident to call" in html


def test_the_oldest_failure_comes_first(client, users, monday):
    first, _ = _failed(users)
    with clock.frozen_at(monday + timedelta(hours=2)):
        second, _ = _failed(users)
        calls = _as(client, users, "dispatcher").get("/workbench/desk/calls/").context["calls"]
    assert [call.number for call in calls] == [first.number, second.number]


def test_only_failed_sms_to_residents_nobody_has_called_are_listed(client, users, monday):
    resolved(users)  # delivered SMS and in-app messages
    _case, failed = _failed(users)
    Message.objects.filter(pk=failed.pk).update(called_at=monday, called_by=users["dispatcher"])
    response = _as(client, users, "dispatcher").get("/workbench/desk/calls/", **EN)
    assert response.context["calls"] == []
    assert "Nobody to call: every SMS reached its resident." in response.content.decode()


def test_called_takes_the_resident_off_the_list_and_records_who_and_when(client, users, monday):
    case, message = _failed(users)
    response = _as(client, users, "dispatcher").post(f"/workbench/desk/calls/{message.pk}/called/")
    assert response.status_code == 302 and response["Location"] == "/workbench/desk/calls/"
    message.refresh_from_db()
    assert (message.called_at, message.called_by_id) == (monday, users["dispatcher"].pk)
    after = client.get("/workbench/desk/calls/", **EN)
    assert after.context["calls"] == [] and f"Case {case.number}: marked as called." in (
        after.content.decode()
    )
    again = client.post(f"/workbench/desk/calls/{message.pk}/called/")
    assert again.status_code == 404
    case_page = client.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    assert "called back 2026-03-02 09:00" in case_page


def test_the_number_is_shown_on_request_and_the_look_is_logged(client, users, monday):
    case, message = _failed(users)
    response = _as(client, users, "dispatcher").post(
        f"/workbench/desk/calls/{message.pk}/reveal/", **EN
    )
    html = response.content.decode()
    assert response.status_code == 200 and f'href="tel:{LANDLINE}"' in html
    (log,) = AccessLog.objects.all()
    assert (log.user_id, log.field, log.case_id) == (users["dispatcher"].pk, "phone", case.pk)
    assert log.reason == "Call the resident: an SMS could not reach them"
    assert LANDLINE not in client.get("/workbench/desk/calls/").content.decode()


def test_the_dispatcher_of_another_county_sees_nothing_and_can_do_nothing(
    client, users, monday, shengzhou_dispatcher
):
    case, message = _failed(users)
    client.force_login(shengzhou_dispatcher)
    listed = client.get("/workbench/desk/calls/", **EN)
    assert listed.context["calls"] == [] and case.number not in listed.content.decode()
    assert client.post(f"/workbench/desk/calls/{message.pk}/called/").status_code == 404
    reveal = client.post(f"/workbench/desk/calls/{message.pk}/reveal/")
    assert reveal.status_code == 404 and LANDLINE not in reveal.content.decode()
    message.refresh_from_db()
    assert message.called_at is None and not AccessLog.objects.exists()


def test_each_dispatcher_sees_only_their_own_countys_residents(
    client, users, monday, shengzhou_dispatcher
):
    ours, _ = _failed(users)
    theirs = submit(users, contact_phone=LANDLINE, division_code="330683001001")
    outbox.drain()
    client.force_login(shengzhou_dispatcher)
    assert [c.number for c in client.get("/workbench/desk/calls/").context["calls"]] == [
        theirs.number
    ]
    mine = _as(client, users, "dispatcher").get("/workbench/desk/calls/").context["calls"]
    assert [c.number for c in mine] == [ours.number]


@pytest.mark.parametrize("who", ["cadre", "township", "outsider", "water", "leader", "resident"])
def test_only_dispatchers_may_use_the_call_list(client, users, monday, who):
    _case, message = _failed(users)
    _as(client, users, who)
    assert client.get("/workbench/desk/calls/").status_code == 403
    assert client.post(f"/workbench/desk/calls/{message.pk}/called/").status_code == 403
    assert client.post(f"/workbench/desk/calls/{message.pk}/reveal/").status_code == 403
    message.refresh_from_db()
    assert message.called_at is None and not AccessLog.objects.exists()


def test_an_administrator_sees_every_countys_residents_to_call(client, users, monday):
    case, _ = _failed(users)
    calls = _as(client, users, "admin").get("/workbench/desk/calls/").context["calls"]
    assert [call.number for call in calls] == [case.number]


def test_visitors_are_sent_to_login(client, users, monday):
    response = client.get("/workbench/desk/calls/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_called_needs_a_post_with_the_csrf_token(users, monday):
    _case, message = _failed(users)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["dispatcher"])
    assert strict.get(f"/workbench/desk/calls/{message.pk}/called/").status_code == 405
    assert strict.post(f"/workbench/desk/calls/{message.pk}/called/").status_code == 403
    assert Message.objects.get(pk=message.pk).called_at is None


def test_the_desk_links_to_the_call_list_with_its_count(client, users, monday):
    _failed(users)
    _failed(users)
    html = _as(client, users, "dispatcher").get("/workbench/desk/", **EN).content.decode()
    assert '<a href="/workbench/desk/calls/">Residents to call (2)</a>' in html


def test_a_failure_reported_later_by_the_gateway_is_listed_too(client, users, monday):
    case = submit(users)
    outbox.drain()
    message = Message.objects.get(case=case, template="case_received")
    Message.objects.filter(pk=message.pk).update(status=Status.SENT, provider_id="gw-1")
    assert outbox.record_receipt(provider_id="gw-1", delivered=False, reason="空号")
    (call,) = _as(client, users, "dispatcher").get("/workbench/desk/calls/").context["calls"]
    assert call.number == case.number and call.reason == "空号" and call.phone == "138****5678"


def test_the_list_is_read_through_the_index_of_calls_still_to_make(users, monday):
    """Its query names the partial index's whole condition, so PostgreSQL reads the failures
    nobody has called yet, not every failure ever (bench/city/README.md, Session 10)."""
    resolved(users)
    _failed(users)
    _case, called = _failed(users)
    Message.objects.filter(pk=called.pk).update(called_at=monday, called_by=users["dispatcher"])
    calls = inbox.calls_to_make(users["dispatcher"])
    assert [m.pk for m in calls] == [
        m.pk for m in Message.objects.filter(status=Status.FAILED, called_at__isnull=True)
    ]
    if connection.vendor == "postgresql":  # too few rows here to prefer any index unasked
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
        assert "message_to_call" in calls.explain()
        assert "message_to_call" in calls.order_by().values("pk").explain()  # the count
