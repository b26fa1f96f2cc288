"""The root-cause report: per area and month, scoped to the reader's jurisdiction."""

from datetime import timedelta

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.core import clock

from factories import JIANGDONG, accepted, dispatched

pytestmark = pytest.mark.django_db


def _resolve(users, cause, *, who="cadre", **extra):
    case = accepted(users, **extra) if who == "cadre" else _accepted_in_jiangdong(users)
    services.case_resolve(case=case, by=users[who], answer="已处理。", root_cause=cause)
    return case


def _accepted_in_jiangdong(users):
    case = dispatched(users, village=JIANGDONG)
    services.case_accept(case=case, by=users["outsider_cadre"])
    return case


def _report(users, who, month="2026-03"):
    client = Client()
    client.force_login(users[who])
    return client.get("/workbench/root-causes/", {"month": month}).content.decode()


def test_the_township_sees_its_villages_causes_counted(users, monday):
    _resolve(users, "ageing_facility")
    _resolve(users, "ageing_facility")
    _resolve(users, "construction")
    page = _report(users, "township")
    assert "天竺社区居委会" in page
    assert "Ageing road or facility</td><td>2" in page
    assert "Caused by construction works</td><td>1" in page


def test_an_outsider_township_does_not_see_another_townships_causes(users, monday):
    _resolve(users, "construction")
    page = _report(users, "outsider")
    assert "Caused by construction works" not in page
    assert "No resolved case recorded a root cause this month." in page


def test_another_month_is_empty(users, monday):
    _resolve(users, "construction")
    assert "Caused by construction works" not in _report(users, "township", "2026-04")


def test_the_county_sees_one_row_per_township(users, monday):
    _resolve(users, "construction")
    _resolve(users, "one_off", who="outsider_cadre")
    with clock.frozen_at(clock.now() + timedelta(hours=1)):
        page = _report(users, "leader")
    assert "枫桥镇" in page and "暨阳街道" in page


def test_a_resident_account_cannot_read_the_report(users, monday):
    client = Client()
    client.force_login(users["resident"])
    assert client.get("/workbench/root-causes/").status_code == 403


def test_the_report_is_in_chinese_by_default(users, monday, chinese):
    _resolve(users, "construction")
    assert "根源" in _report(users, "township")
