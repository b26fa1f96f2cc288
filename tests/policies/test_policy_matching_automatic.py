"""Policy matching runs by itself: on a saved rule, on an imported roster, once a night."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from fieldwork.households import grid, household, member
from policies.policy_data import ELDERLY, policy

from jiceng.core import clock
from jiceng.fieldwork.excel import HEADERS, workbook
from jiceng.people.models import User
from jiceng.policies.models import Outreach
from jiceng.policies.nightly import enqueue_nightly_matching
from jiceng.policies.services import policy_rule_set

from factories import TIANZHU, local

pytestmark = pytest.mark.django_db
EVERYONE_OVER_70 = {"all": [{"field": "age", "op": ">=", "value": 70}]}


def test_saving_a_rule_opens_items_for_the_people_it_now_reaches(
    users: dict[str, User], monday: object, django_capture_on_commit_callbacks
) -> None:
    member(household(), born=date(1950, 5, 1))  # 75: not 80, but over 70
    elderly = policy("elderly", ELDERLY)
    with django_capture_on_commit_callbacks(execute=True):
        policy_rule_set(policy=elderly, rule=ELDERLY, by=users["admin"])  # unchanged: no run
    assert not Outreach.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        policy_rule_set(policy=elderly, rule=EVERYONE_OVER_70, by=users["admin"])
    assert Outreach.objects.get().village_id == TIANZHU


def test_a_rule_that_is_not_committed_matches_nobody(
    users: dict[str, User], monday: object, django_capture_on_commit_callbacks
) -> None:
    member(household(), born=date(1950, 5, 1))
    with django_capture_on_commit_callbacks(execute=False) as pending:
        policy_rule_set(policy=policy("elderly", ELDERLY), rule=EVERYONE_OVER_70, by=users["admin"])
    assert len(pending) == 1 and not Outreach.objects.exists()


def test_importing_a_roster_opens_items_for_new_people_who_qualify(
    users: dict[str, User], monday: object, django_capture_on_commit_callbacks
) -> None:
    grid(TIANZHU)
    policy("elderly", ELDERLY)
    row = dict.fromkeys(HEADERS, "") | {
        "户号": "0009", "网格编号": f"{TIANZHU}001", "地址": "天竺社区新街9号",
        "姓名": "王秀英", "身份证号": "330681194403150026", "出生日期": "1940-03-15",
        "户籍地代码": "330681109002",
    }  # fmt: skip
    upload = SimpleUploadedFile("roster.xlsx", workbook([list(row.values())]).getvalue())
    client = Client()
    client.force_login(users["cadre"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/workbench/field/households/roster/", {"file": upload})
    item = Outreach.objects.get()
    assert (item.policy.code, item.household.number) == ("elderly", "0009")
    html = client.get("/workbench/field/outreach/").content.decode()
    assert 'class="badge new"' in html and "天竺社区新街9号" in html


def test_the_nightly_run_starts_once_a_night_and_never_by_day(users: dict[str, User]) -> None:
    member(household(), born=date(1940, 5, 1))
    policy("elderly", ELDERLY)
    with clock.frozen_at(local(2026, 3, 2, 14, 0)):
        assert not enqueue_nightly_matching()
    assert not Outreach.objects.exists()
    with clock.frozen_at(local(2026, 3, 3, 2, 0)):
        assert enqueue_nightly_matching()
        assert not enqueue_nightly_matching()  # the next hourly tick of the same night
    assert Outreach.objects.count() == 1
    with clock.frozen_at(local(2026, 3, 4, 3, 0)):
        assert enqueue_nightly_matching()
    assert Outreach.objects.count() == 1  # the same person is not opened twice
