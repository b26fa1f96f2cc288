"""The leaders' hot-issues page, its refresh button and its export."""

import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from jiceng.insights.services import hot_issues_refresh

from factories import FENGQIAO, TIANZHU, submit
from hot_issue_data import submit_all

pytestmark = pytest.mark.django_db
PAGE = "/dashboard/hot-issues/?month=2026-03"


@pytest.fixture
def grouped(users, monday):
    cases = submit_all(users)
    hot_issues_refresh(county="330681", year=2026, month=3)
    return cases


def _as(client, user):
    client.force_login(user)
    return client


def test_a_leader_sees_the_bridge_with_links_to_each_request(client, users, grouped):
    response = _as(client, users["leader"]).get(PAGE)
    body = response.content.decode()
    assert response.status_code == 200
    assert "东溪石桥" in body
    assert "4 requests from 3 villages in the county" in body
    for case in grouped["bridge"]:
        assert f'href="/workbench/cases/{case.number}/"' in body
    for case in grouped["one_village"] + grouped["others"]:
        assert case.number not in body


def test_township_staff_see_only_the_requests_of_their_villages(client, users, grouped):
    body = _as(client, users["township"]).get(PAGE).content.decode()
    jiangdong = [case for case in grouped["bridge"] if case.division_id.startswith("330681001")]
    assert jiangdong and all(case.number not in body for case in jiangdong)
    assert "3 requests in this area" in body


def test_an_outsider_cannot_ask_for_another_township(client, users, grouped):
    response = _as(client, users["outsider"]).get(PAGE + f"&area={FENGQIAO}")
    assert response.status_code == 403


def test_a_village_cadre_is_refused_and_a_visitor_is_sent_to_log_in(client, users, grouped):
    assert _as(client, users["cadre"]).get(PAGE).status_code == 403
    client.logout()
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/") or "login" in response["Location"]


def test_a_month_not_grouped_yet_says_so(client, users, grouped):
    body = _as(client, users["leader"]).get("/dashboard/hot-issues/?month=2026-02").content.decode()
    assert "This month has not been grouped yet." in body


def test_group_again_needs_the_csrf_token_and_then_groups_the_month(users, monday):
    submit_all(users)
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["leader"])
    assert client.post("/dashboard/hot-issues/refresh?month=2026-03").status_code == 403
    page = client.get(PAGE)
    token = page.context["csrf_token"]
    response = client.post(
        "/dashboard/hot-issues/refresh?month=2026-03", {"csrfmiddlewaretoken": str(token)}
    )
    assert response.status_code == 302
    assert "东溪石桥" in client.get(PAGE).content.decode()


def test_a_title_with_markup_is_shown_as_text(client, users, monday):
    submit_all(users)
    submit(
        users,
        village=TIANZHU,
        contact_phone="13800000099",
        title="<script>alert(1)</script>东溪石桥塌了",
        description="东溪石桥桥面塌了，车过不去。",
    )
    hot_issues_refresh(county="330681", year=2026, month=3)
    body = _as(client, users["leader"]).get(PAGE).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_the_excel_export_has_a_row_per_request_and_neutralises_formulas(client, users, monday):
    submit_all(users)
    submit(
        users,
        village=TIANZHU,
        contact_phone="13800000098",
        title="=HYPERLINK(1)东溪石桥",
        description="东溪石桥桥面塌陷，晚上没有警示。",
    )
    hot_issues_refresh(county="330681", year=2026, month=3)
    response = _as(client, users["leader"]).get("/dashboard/export/hot-issues.xlsx?month=2026-03")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "Hot issues" and rows[2][0] == "Period: 2026-03"  # what, where, when
    rows = rows[4:]  # the table under the heading and its blank row
    titles = [row[6] for row in rows[1:]]
    assert len(titles) == 5
    assert "'=HYPERLINK(1)东溪石桥" in titles
    assert all(row[0] == 1 for row in rows[1:])


def test_a_phone_and_name_typed_into_a_title_are_masked_on_the_page_and_in_the_export(
    client, users, monday
):
    submit_all(users)
    submit(
        users,
        village=TIANZHU,
        contact_phone="13800000097",
        title="我叫李秀英，电话13987654321，东溪石桥塌了",
        description="东溪石桥桥面塌了，车过不去。",
    )
    hot_issues_refresh(county="330681", year=2026, month=3)
    leader = _as(client, users["leader"])
    body = leader.get(PAGE).content.decode()
    response = leader.get("/dashboard/export/hot-issues.xlsx?month=2026-03")
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = str([[cell.value for cell in row] for row in sheet.iter_rows()])
    for shown in (body, cells):
        assert "13987654321" not in shown and "李秀英" not in shown
        assert "我叫李**，电话139****4321，东溪石桥塌了" in shown
