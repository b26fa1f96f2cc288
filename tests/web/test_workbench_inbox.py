"""The workbench inbox: a unit's notices, newest first, read marks per member, the badge."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from jiceng.cases import services
from jiceng.cases.sweep import sweep
from jiceng.core import clock
from jiceng.notices import outbox
from jiceng.notices.inbox import unread_count
from jiceng.notices.models import Channel, Message, MessageRead, Status

from factories import JIANGDONG, dispatched, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _as(client, users, who):
    client.force_login(users[who])
    return client


def _inbox(client, users, who, query=""):
    return _as(client, users, who).get(f"/workbench/inbox/{query}", **EN)


def _new_case_notice(case):
    return Message.objects.get(template="case_new", case=case)


def test_the_inbox_lists_the_units_new_case_worded_with_its_time_and_case(client, users, monday):
    case = dispatched(users, title="村口路灯坏了")
    response = _inbox(client, users, "cadre")
    page = response.content.decode()
    (row,) = response.context["rows"]
    assert row.number == case.number and row.unread
    assert f"New case {case.number}: 村口路灯坏了. Accept it by" in page
    assert f'action="/workbench/inbox/{row.message.pk}/open/"' in page
    assert f"Open case {case.number}" in page
    assert '<time datetime="2026-03-02T09:00:00+08:00">2026-03-02 09:00</time>' in page


def test_a_member_of_another_unit_never_sees_the_units_messages(client, users, monday):
    mine = dispatched(users, title="天竺的路灯")
    theirs = dispatched(users, village=JIANGDONG, title="江东的井盖")
    outsider = _inbox(client, users, "outsider_cadre")
    assert [row.number for row in outsider.context["rows"]] == [theirs.number]
    html = outsider.content.decode()
    assert mine.number not in html and "天竺的路灯" not in html
    neighbour = _inbox(client, users, "neighbour_cadre")
    assert neighbour.context["rows"] == [] and "Nothing here yet" in neighbour.content.decode()


def test_the_newest_message_comes_first(client, users, monday):
    first = dispatched(users)
    with clock.frozen_at(monday + timedelta(hours=1)):
        second = dispatched(users)
    rows = _inbox(client, users, "cadre").context["rows"]
    assert [row.number for row in rows] == [second.number, first.number]


def test_a_warning_planned_for_later_appears_only_once_it_is_due(client, users, monday):
    case = dispatched(users)
    assert [r.message.template for r in _inbox(client, users, "cadre").context["rows"]] == [
        "case_new"
    ]
    window = case.respond_by - monday
    with clock.frozen_at(monday + window * 0.6):
        outbox.drain()
        rows = _inbox(client, users, "cadre").context["rows"]
    assert [r.message.template for r in rows] == ["respond_due", "case_new"]
    assert f"Case {case.number}: 50% of the time to accept it has passed" in rows[0].text


def test_opening_the_inbox_does_not_mark_anything_read(client, users, monday):
    dispatched(users)
    _inbox(client, users, "cadre")
    _inbox(client, users, "cadre")
    assert not MessageRead.objects.exists()
    assert unread_count(users["cadre"]) == 1


def test_opening_a_message_marks_it_read_for_that_member_only_and_goes_to_its_case(
    client, users, monday
):
    case = dispatched(users)
    message = _new_case_notice(case)
    response = _as(client, users, "cadre").post(f"/workbench/inbox/{message.pk}/open/")
    assert response.status_code == 302
    assert response["Location"] == f"/workbench/cases/{case.number}/"
    assert (unread_count(users["cadre"]), unread_count(users["grid_worker"])) == (0, 1)
    assert not _inbox(client, users, "cadre").context["rows"][0].unread
    again = client.post(f"/workbench/inbox/{message.pk}/open/")
    assert again.status_code == 302 and MessageRead.objects.count() == 1


def test_an_outsider_cannot_open_or_mark_another_units_message(client, users, monday):
    case = dispatched(users, title="天竺的路灯")
    message = _new_case_notice(case)
    response = _as(client, users, "outsider_cadre").post(f"/workbench/inbox/{message.pk}/open/")
    assert response.status_code == 404 and "天竺" not in response.content.decode()
    assert not MessageRead.objects.exists()
    # Even a member of the same township who sees the case cannot read the village's inbox.
    township = _as(client, users, "township").post(f"/workbench/inbox/{message.pk}/open/")
    assert township.status_code == 404


def test_an_outsider_cannot_open_the_case_an_inbox_link_points_to(client, users, monday):
    case = dispatched(users, title="天竺的路灯")
    _as(client, users, "cadre").post(f"/workbench/inbox/{_new_case_notice(case).pk}/open/")
    outsider = _as(client, users, "outsider_cadre").get(f"/workbench/cases/{case.number}/")
    assert outsider.status_code == 404 and "天竺的路灯" not in outsider.content.decode()


def test_opening_a_message_needs_a_post_with_the_csrf_token(users, monday):
    message = _new_case_notice(dispatched(users))
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["cadre"])
    assert strict.get(f"/workbench/inbox/{message.pk}/open/").status_code == 405
    assert strict.post(f"/workbench/inbox/{message.pk}/open/").status_code == 403
    seen = {"seen": clock.now().isoformat()}
    assert strict.post("/workbench/inbox/read-all/", seen).status_code == 403
    assert not MessageRead.objects.exists()


def test_mark_all_read_marks_what_the_inbox_showed_and_not_what_came_after(client, users, monday):
    dispatched(users)
    dispatched(users)
    page = _inbox(client, users, "cadre")
    seen = page.context["seen"]
    assert 'name="seen"' in page.content.decode() and "Mark all read" in page.content.decode()
    with clock.frozen_at(monday + timedelta(minutes=5)):
        later = dispatched(users)
        response = client.post("/workbench/inbox/read-all/", {"seen": seen}, **EN)
        assert response.status_code == 302
        assert unread_count(users["cadre"]) == 1
        rows = _inbox(client, users, "cadre").context["rows"]
    assert (rows[0].number, rows[0].unread) == (later.number, True)
    assert not any(row.unread for row in rows[1:])
    assert unread_count(users["grid_worker"]) == 3


def test_mark_all_read_without_the_inbox_time_says_so_and_marks_nothing(client, users, monday):
    dispatched(users)
    response = _as(client, users, "cadre").post("/workbench/inbox/read-all/", {"seen": "soon"})
    follow = client.get(response["Location"], **EN).content.decode()
    assert "Shown at: the inbox&#x27;s time is not a time; reload the inbox." in follow
    assert unread_count(users["cadre"]) == 1


def test_a_message_older_than_thirty_days_no_longer_counts_as_unread(client, users, monday):
    dispatched(users)
    with clock.frozen_at(monday + timedelta(days=29)):
        assert unread_count(users["cadre"]) == 1
    with clock.frozen_at(monday + timedelta(days=31)):
        assert unread_count(users["cadre"]) == 0
        (row,) = _inbox(client, users, "cadre").context["rows"]
    assert not row.unread


def test_the_inbox_shows_fifty_a_page(client, users, monday):
    case = dispatched(users)
    Message.objects.bulk_create(
        outbox.message(
            key=f"case_overdue:{case.pk}:test{index}",
            channel=Channel.INAPP,
            template="case_overdue",
            params={"number": case.number, "deadline": monday.isoformat()},
            at=monday + timedelta(minutes=index),
            case_id=case.pk,
            unit_id=users["cadre"].unit_id,
        )
        for index in range(1, 56)
    )
    first = _inbox(client, users, "cadre")
    second = _inbox(client, users, "cadre", "?page=2")
    assert len(first.context["rows"]) == 50 and len(second.context["rows"]) == 6
    assert "Page 1 of 2" in first.content.decode() and 'rel="next"' in first.content.decode()
    assert second.context["rows"][-1].message.template == "case_new"


# --- who has an inbox -------------------------------------------------------------------------


def test_leaders_hear_in_their_inbox_of_a_request_waiting_too_long_for_dispatch(
    client, users, monday
):
    case = submit(users)
    with clock.frozen_at(case.respond_by + timedelta(minutes=1)):
        sweep()
        response = _inbox(client, users, "leader")
    (row,) = response.context["rows"]
    assert row.number == case.number and row.message.template == "case_flagged"
    assert "waited at" in row.text and "past its deadline for dispatch" in row.text
    assert '<span class="nav-count">1</span>' in response.content.decode()


def test_an_administrator_without_a_unit_has_an_empty_inbox(client, users, monday):
    dispatched(users)
    response = _inbox(client, users, "admin")
    assert response.status_code == 200 and response.context["rows"] == []
    assert "You belong to no unit, so you have no inbox." in response.content.decode()


def test_residents_and_visitors_have_no_inbox(client, users, monday):
    dispatched(users)
    assert _inbox(client, users, "resident").status_code == 403
    client.logout()
    response = client.get("/workbench/inbox/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


# --- the badge ----------------------------------------------------------------------------------


def test_every_workbench_page_shows_the_unread_count_in_the_header(client, users, monday):
    case = dispatched(users)
    dispatched(users)
    for path in ("/workbench/", f"/workbench/cases/{case.number}/", "/workbench/inbox/"):
        page = _as(client, users, "cadre").get(path, **EN).content.decode()
        header = page[page.index('<header class="top">') : page.index("</header>")]
        assert '<a href="/workbench/inbox/" class="nav-inbox">Inbox' in header
        assert '<span class="nav-count">2</span>' in header and "unread messages" in header


def test_the_badge_disappears_once_everything_is_read(client, users, monday):
    dispatched(users)
    page = _inbox(client, users, "cadre")
    client.post("/workbench/inbox/read-all/", {"seen": page.context["seen"]})
    after = client.get("/workbench/", **EN).content.decode()
    assert '<a href="/workbench/inbox/" class="nav-inbox">Inbox</a>' in after
    assert "nav-count" not in after


def test_portal_pages_and_visitors_pay_nothing_for_the_badge(client, users, monday):
    dispatched(users)
    with CaptureQueriesContext(connection) as anonymous:
        client.get("/", **EN)
    _as(client, users, "cadre")
    with CaptureQueriesContext(connection) as staff:
        page = client.get("/", **EN).content.decode()
    queries = anonymous.captured_queries + staff.captured_queries
    assert not [query for query in queries if "notices_message" in query["sql"]]
    assert "nav-count" not in page


# --- query counts ----------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 12])
def test_the_inbox_costs_the_same_queries_however_many_messages(
    client, users, monday, count, django_assert_num_queries
):
    for _ in range(count):
        dispatched(users)
    _as(client, users, "cadre")
    with django_assert_num_queries(5):  # session, user, page count, page rows, badge
        response = client.get("/workbench/inbox/")
    assert len(response.context["rows"]) == count


def test_the_unread_count_is_one_query(users, monday, django_assert_num_queries):
    for _ in range(3):
        dispatched(users)
    cadre = users["cadre"]
    with django_assert_num_queries(1):
        assert unread_count(cadre) == 3
    with django_assert_num_queries(0):
        assert unread_count(users["admin"]) == 0


def test_a_read_message_of_another_member_does_not_change_my_count(users, monday):
    case = dispatched(users)
    MessageRead.objects.create(message=_new_case_notice(case), user=users["grid_worker"], at=monday)
    assert (unread_count(users["cadre"]), unread_count(users["grid_worker"])) == (1, 0)


def test_only_delivered_messages_count(users, monday):
    case = dispatched(users)
    pending = Message.objects.filter(case=case, channel=Channel.INAPP, status=Status.PENDING)
    assert pending.exists()  # the deadline warnings, planned for later
    assert unread_count(users["cadre"]) == 1
    services.case_accept(case=case, by=users["cadre"])
    assert unread_count(users["cadre"]) == 1
