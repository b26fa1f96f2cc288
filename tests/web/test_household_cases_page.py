"""The household page lists the household's requests; the case page marks a vulnerable home."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from fieldwork.households import household, member

from jiceng.cases import services
from jiceng.people.models import User

from factories import submit

pytestmark = pytest.mark.django_db
PHONE = "13900001111"
BADGE = "Priority: vulnerable household"


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def poor_home(users, monday):
    home = household(dibao=True, number="0002", address="天竺社区后街3号")
    member(home, born=date(1980, 1, 1), phone=PHONE)
    return home


def test_the_household_page_lists_its_requests_masked_and_escaped(users, poor_home):
    case = submit(users, contact_phone=PHONE, title="<b>水管</b>漏水 13900001111")
    html = _client(users["cadre"]).get(f"/workbench/field/households/{poor_home.pk}/").content
    text = html.decode()
    assert "Requests from this household" in text and case.number in text
    assert "&lt;b&gt;水管" in text and "<b>水管" not in text
    assert PHONE not in text


def test_another_villages_cadre_sees_neither_the_household_nor_its_requests(users, poor_home):
    case = submit(users, contact_phone=PHONE)
    client = _client(users["outsider_cadre"])
    assert client.get(f"/workbench/field/households/{poor_home.pk}/").status_code == 404
    assert client.get(f"/workbench/cases/{case.number}/").status_code == 404


def test_the_case_page_marks_a_vulnerable_household_for_the_dispatcher(users, poor_home):
    case = submit(users, contact_phone=PHONE)
    assert (
        BADGE
        in _client(users["dispatcher"]).get(f"/workbench/cases/{case.number}/").content.decode()
    )


def test_department_staff_do_not_see_the_mark(users, poor_home):
    case = submit(users, contact_phone=PHONE, category="utilities")
    services.case_dispatch(case=case, by=users["dispatcher"])
    page = _client(users["water"]).get(f"/workbench/cases/{case.number}/")
    assert page.status_code == 200 and case.number in page.content.decode()
    assert BADGE not in page.content.decode()


def test_the_mark_is_in_chinese_by_default(users, poor_home, chinese):
    case = submit(users, contact_phone=PHONE)
    page = _client(users["dispatcher"]).get(f"/workbench/cases/{case.number}/").content.decode()
    assert "优先：困难家庭" in page
