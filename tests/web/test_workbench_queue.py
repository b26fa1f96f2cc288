"""The workbench queue: my cases by deadline, the area tab, filters, search, scope, speed."""

import re
from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.models import State, Urgency
from jiceng.core import clock

from factories import (
    BAISHU,
    FENGQIAO,
    JIANGDONG,
    JIYANG,
    TIANZHU,
    accepted,
    dispatched,
    resolved,
    submit,
)

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "queue-results"}


def _login(client, users, who):
    client.force_login(users[who])
    return client


def _listed(response):
    """Case numbers in the order the page lists them."""
    return re.findall(
        r'<td class="num"><a href="/workbench/cases/(\d+)/">', response.content.decode()
    )


def _row(response, number):
    page = response.content.decode()
    start = page.rindex("<tr", 0, page.index(f"/workbench/cases/{number}/"))
    return page[start : page.index("</tr>", start)]


# --- access ----------------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client, db):
    response = client.get("/workbench/?tab=area")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_resident_account_is_refused(client, users, monday):
    dispatched(users)
    response = _login(client, users, "resident").get("/workbench/?tab=area")
    assert response.status_code == 403
    assert "/workbench/cases/" not in response.content.decode()


# --- my queue ------------------------------------------------------------------------------


def test_queue_lists_own_open_cases_by_deadline(client, users, monday):
    slow = accepted(users, category="housing")
    usual = dispatched(users)
    urgent = accepted(users, urgency=Urgency.EMERGENCY)
    resolved(users)
    dispatched(users, village=BAISHU)
    response = _login(client, users, "cadre").get("/workbench/")
    assert _listed(response) == [urgent.number, usual.number, slow.number]


def test_each_row_shows_title_category_village_state_and_time_left(client, users, monday):
    case = accepted(users, title="村口路灯坏了")
    with clock.frozen_at(monday + timedelta(hours=1)):
        response = _login(client, users, "cadre").get("/workbench/", **EN)
    row = _row(response, case.number)
    assert "村口路灯坏了" in row and "Roads and transport" in row and "天竺社区居委会" in row
    assert "accepted" in row
    assert "left" in row and "overdue" not in row


def test_overdue_rows_are_red_and_rows_due_today_amber(client, users, monday):
    with clock.frozen_at(monday - timedelta(hours=3)):
        late = accepted(users, urgency=Urgency.EMERGENCY)  # due 08:00
    today = accepted(users, urgency=Urgency.EMERGENCY)  # due 11:00
    later = accepted(users)
    with clock.frozen_at(monday + timedelta(hours=1)):
        response = _login(client, users, "cadre").get("/workbench/", **EN)
    assert 'class="overdue"' in _row(response, late.number)
    assert "2 h 0 min overdue" in _row(response, late.number)
    assert 'class="due-today"' in _row(response, today.number)
    assert "1 h 0 min left" in _row(response, today.number)
    assert 'class=""' in _row(response, later.number)


def test_a_missed_response_deadline_marks_the_row_overdue(client, users, monday):
    case = dispatched(users)
    with clock.frozen_at(monday + timedelta(hours=30)):
        response = _login(client, users, "cadre").get("/workbench/", **EN)
    row = _row(response, case.number)
    assert 'class="overdue"' in row and "Respond: 6 h 0 min overdue" in row


def test_dispatcher_queue_is_new_requests_and_call_backs(client, users, monday):
    waiting = submit(users)
    to_call = resolved(users)
    dispatched(users)
    response = _login(client, users, "dispatcher").get("/workbench/", **EN)
    assert _listed(response) == [waiting.number, to_call.number]
    assert "Call back: 7 d 0 h left" in _row(response, to_call.number)
    assert "Take a call" in response.content.decode()


def test_queue_is_paginated_by_fifty(client, users, monday):
    for _ in range(51):
        dispatched(users)
    _login(client, users, "cadre")
    first, second = client.get("/workbench/"), client.get("/workbench/?page=2")
    assert len(_listed(first)) == 50 and len(_listed(second)) == 1
    assert set(_listed(first)).isdisjoint(_listed(second))


def test_titles_are_escaped(client, users, monday):
    dispatched(users, title="<script>alert(1)</script>")
    page = _login(client, users, "cadre").get("/workbench/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- in my area -------------------------------------------------------------------------------


def test_area_tab_shows_township_staff_their_villages_cases(client, users, monday):
    tianzhu, baishu = dispatched(users), dispatched(users, village=BAISHU)
    dispatched(users, village=JIANGDONG)
    response = _login(client, users, "township").get("/workbench/?tab=area")
    assert set(_listed(response)) == {tianzhu.number, baishu.number}


def test_area_tab_leaves_out_the_users_own_and_closed_cases(client, users, monday):
    mine = dispatched(users)
    services.case_escalate(case=accepted(users), by=users["cadre"], reason="需要镇里协调")
    done = resolved(users)
    response = _login(client, users, "township").get("/workbench/?tab=area")
    assert _listed(response) == [mine.number]
    closed = client.get("/workbench/?tab=area&state=resolved")
    assert _listed(closed) == [done.number]


def test_department_area_tab_is_its_remit_handled_by_others(client, users, org, monday):
    case = submit(users, category="utilities")
    services.case_dispatch(case=case, by=users["dispatcher"], unit=org["tianzhu"])
    dispatched(users)
    response = _login(client, users, "water").get("/workbench/?tab=area")
    assert _listed(response) == [case.number]


# --- filters ------------------------------------------------------------------------------


@pytest.fixture
def area(users, monday):
    with clock.frozen_at(monday - timedelta(days=40)):
        old = dispatched(users, village=BAISHU, category="housing")
    road = accepted(users, title="路灯不亮")
    river = dispatched(users, category="environment", description="河道里漂着很多垃圾")
    baishu = dispatched(users, village=BAISHU)
    return {"old": old, "road": road, "river": river, "baishu": baishu}


def _area(client, users, query, who="township"):
    return set(_listed(_login(client, users, who).get(f"/workbench/?tab=area&{query}")))


def test_filter_by_state(client, users, area):
    assert _area(client, users, "state=accepted") == {area["road"].number}


def test_filter_by_category(client, users, area):
    assert _area(client, users, "category=environment") == {area["river"].number}


def test_filter_by_village(client, users, area):
    assert _area(client, users, f"village={BAISHU}") == {area["old"].number, area["baishu"].number}


def test_filter_by_period(client, users, area):
    recent = _area(client, users, "period=30")
    assert recent == {area["road"].number, area["river"].number, area["baishu"].number}


def test_filter_by_date_range(client, users, area, monday):
    start = (monday - timedelta(days=41)).date().isoformat()
    end = (monday - timedelta(days=39)).date().isoformat()
    assert _area(client, users, f"date_from={start}&date_to={end}") == {area["old"].number}


def test_a_reversed_date_range_is_explained(client, users, area):
    response = _login(client, users, "township").get(
        "/workbench/?tab=area&date_from=2026-03-02&date_to=2026-03-01", **EN
    )
    assert _listed(response) == []
    assert "The end date must not be before the start date." in response.content.decode()


def test_search_over_number_title_and_description(client, users, area):
    assert _area(client, users, "q=路灯不亮") == {area["road"].number}
    assert _area(client, users, "q=很多垃圾") == {area["river"].number}
    assert _area(client, users, f"q={area['old'].number}") == {area["old"].number}


def test_county_user_narrows_by_township_then_village(client, users, area):
    dispatched(users, village=JIANGDONG)
    page = _login(client, users, "dispatcher").get(f"/workbench/?tab=area&township={FENGQIAO}")
    assert len(_listed(page)) == 4
    assert f'value="{TIANZHU}"' in page.content.decode()
    narrowed = client.get(f"/workbench/?tab=area&township={FENGQIAO}&village={BAISHU}")
    assert set(_listed(narrowed)) == {area["old"].number, area["baishu"].number}


def test_a_village_of_another_township_lists_nothing(client, users, area):
    outside = dispatched(users, village=JIANGDONG)
    response = _login(client, users, "township").get(f"/workbench/?tab=area&village={JIANGDONG}")
    assert _listed(response) == []
    assert outside.number not in response.content.decode()


def test_another_township_lists_nothing_for_a_village_cadre(client, users, area):
    dispatched(users, village=JIANGDONG)
    for query in (f"township={JIYANG}", f"village={BAISHU}", f"village={JIANGDONG}"):
        assert _area(client, users, query, who="cadre") == set()


def test_outsider_filters_cannot_reach_into_fengqiao(client, users, area):
    for query in (f"village={TIANZHU}", f"township={FENGQIAO}", "q=路灯", "state=accepted"):
        assert _area(client, users, query, who="outsider") == set()


def test_htmx_filter_change_returns_only_the_results(client, users, area):
    _login(client, users, "township")
    response = client.get("/workbench/?tab=area&category=environment", **HTMX)
    page = response.content.decode()
    assert "<html" not in page and _listed(response) == [area["river"].number]
    assert "HX-Request" in response["Vary"]


def test_htmx_history_restore_gets_the_whole_page(client, users, area):
    _login(client, users, "township")
    restore = {**HTMX, "HTTP_HX_HISTORY_RESTORE_REQUEST": "true"}
    page = client.get("/workbench/?tab=area&category=environment", **restore).content.decode()
    assert "<html" in page and 'id="queue-results"' in page


def test_filters_work_as_a_plain_form_without_javascript(client, users, area):
    page = _login(client, users, "township").get("/workbench/?tab=area&category=environment")
    html = page.content.decode()
    assert '<form class="card filters" method="get" action="/workbench/"' in html
    assert '<option value="environment" selected>' in html
    assert 'hx-push-url="true"' in html


# --- speed --------------------------------------------------------------------------------


def _many(users, count):
    for index in range(count):
        case = dispatched(users, village=BAISHU if index % 2 else TIANZHU)
        if index % 3 == 0 and case.division_id == TIANZHU:
            services.case_accept(case=case, by=users["cadre"])


@pytest.mark.parametrize("count", [2, 12])
def test_queue_page_query_count_does_not_grow_with_rows(
    client, users, monday, count, django_assert_num_queries
):
    _many(users, count)
    client.force_login(users["cadre"])
    with django_assert_num_queries(7):  # session, user, unit, categories, count, page, badge
        response = client.get("/workbench/")
    assert response.status_code == 200 and len(_listed(response)) == (count + 1) // 2


@pytest.mark.parametrize("count", [2, 12])
def test_area_page_query_count_does_not_grow_with_rows(
    client, users, monday, count, django_assert_num_queries
):
    _many(users, count)
    client.force_login(users["township"])
    with django_assert_num_queries(8):  # ... and the township's villages for the filter
        response = client.get("/workbench/?tab=area&state=dispatched")
    assert response.status_code == 200 and _listed(response)


def test_state_choices_on_my_queue_are_the_states_a_queue_can_hold(client, users, monday):
    page = _login(client, users, "cadre").get("/workbench/", **EN).content.decode()
    assert f'value="{State.DISPATCHED}"' in page and f'value="{State.CLOSED}"' not in page


# --- reopened cases (重办) ----------------------------------------------------------------------


def _reopened(users, times=1, **extra):
    """A case the resident rated unsatisfied ``times`` times; the second time goes up a tier."""
    case = resolved(users, **extra)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="灯还是不亮")
    for _ in range(times - 1):
        owner = users["township"] if case.owner.division_id == FENGQIAO else users["cadre"]
        services.case_accept(case=case, by=owner)
        services.case_resolve(case=case, by=owner, answer="又修了一次")
        services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    return case


def _mark(row):
    match = re.search(r'<span class="badge reopened">(.*?)</span></span>', row)
    return match.group(1) if match else None


def test_a_reopened_case_is_marked_and_a_fresh_one_is_not(client, users, monday):
    again, fresh = _reopened(users), dispatched(users)
    response = _login(client, users, "cadre").get("/workbench/", **EN)
    assert _mark(_row(response, again.number)) is not None
    assert ">Reopened</span>" in _row(response, again.number)
    assert _mark(_row(response, fresh.number)) is None and "Reopened" not in _row(
        response, fresh.number
    )


def test_the_mark_is_text_a_screen_reader_reads_as_words(client, users, monday):
    case = _reopened(users)
    row = _row(_login(client, users, "cadre").get("/workbench/", **EN), case.number)
    assert '<span aria-hidden="true">Reopened</span>' in row
    assert '<span class="visually-hidden">Reopened 1 time</span>' in row


def test_a_case_reopened_twice_shows_the_count(client, users, org, monday):
    case = _reopened(users, times=2)
    assert case.owner == org["fengqiao"]  # the second reopening went up a tier
    row = _row(_login(client, users, "township").get("/workbench/", **EN), case.number)
    assert '<span aria-hidden="true">Reopened ×2</span>' in row
    assert '<span class="visually-hidden">Reopened 2 times</span>' in row


def test_the_area_tab_marks_reopened_cases_too(client, users, monday):
    again, fresh = _reopened(users), dispatched(users)
    response = _login(client, users, "township").get("/workbench/?tab=area", **EN)
    assert set(_listed(response)) == {again.number, fresh.number}
    assert "Reopened" in _row(response, again.number)
    assert "Reopened" not in _row(response, fresh.number)


def test_the_mark_reads_chongban_in_chinese(client, users, monday, chinese):
    once, twice = _reopened(users), _reopened(users, times=2)
    page = _login(client, users, "township").get("/workbench/?tab=area")
    assert '<span aria-hidden="true">重办</span>' in _row(page, once.number)
    assert '<span class="visually-hidden">已重办 1 次</span>' in _row(page, once.number)
    assert twice.number not in page.content.decode()  # the township owns it: its own queue
    mine = client.get("/workbench/")
    assert '<span aria-hidden="true">重办×2</span>' in _row(mine, twice.number)


def test_the_mark_is_refreshed_by_an_htmx_filter_as_well(client, users, monday):
    case = _reopened(users)
    _login(client, users, "township")
    response = client.get("/workbench/?tab=area&state=dispatched", **HTMX, **EN)
    assert "<html" not in response.content.decode() and _mark(_row(response, case.number))


@pytest.mark.parametrize("count", [1, 6])
def test_marking_reopened_rows_adds_no_query(
    client, users, monday, count, django_assert_num_queries
):
    for _ in range(count):
        _reopened(users)
    client.force_login(users["cadre"])
    with django_assert_num_queries(7):  # as for fresh rows: the count is on the row itself
        response = client.get("/workbench/", **EN)
    assert len(_listed(response)) == count
    assert response.content.decode().count('<span class="badge reopened">') == count


def test_a_phone_and_name_typed_into_the_title_are_masked_in_the_queue(client, users, monday):
    case = accepted(users, title="我叫李秀英，电话13987654321，路灯坏了")
    response = _login(client, users, "cadre").get("/workbench/", **EN)
    row = _row(response, case.number)
    assert "13987654321" not in response.content.decode() and "李秀英" not in row
    assert "我叫李**，电话139****4321，路灯坏了" in row
