"""Hot issues: one problem raised from several villages is found, stored and read in scope."""

import json
from datetime import date, timedelta

import pytest

from jiceng.cases.models import Case
from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.insights.dashboard import dashboard_area
from jiceng.insights.hotissues import hot_issues
from jiceng.insights.models import HotIssue, HotIssueGrouping, HotIssueRun
from jiceng.insights.services import FULL_REGROUP_AFTER, hot_issues_refresh, hot_issues_update

from factories import BAISHU, FENGQIAO, JIANGDONG, TIANZHU
from hot_issue_data import BRIDGE, _one, submit_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def month_of_cases(users, monday):
    return submit_all(users)


def test_one_problem_reported_from_several_villages_becomes_a_hot_issue(month_of_cases):
    stored = hot_issues_refresh(county="330681", year=2026, month=3)
    assert len(stored) == 1
    issue = stored[0]
    assert issue.rank == 1
    assert "东溪石桥" in issue.label
    assert issue.size == 4
    assert issue.villages == 3
    assert issue.case_ids == sorted(case.pk for case in month_of_cases["bridge"])


def test_a_problem_of_one_village_only_is_that_village_s_case_not_a_hot_issue(month_of_cases):
    stored = hot_issues_refresh(county="330681", year=2026, month=3)
    lamp_cases = {case.pk for case in month_of_cases["one_village"]}
    assert all(not lamp_cases & set(issue.case_ids) for issue in stored)


def test_refreshing_again_replaces_the_month_instead_of_adding(month_of_cases):
    hot_issues_refresh(county="330681", year=2026, month=3)
    hot_issues_refresh(county="330681", year=2026, month=3)
    assert HotIssue.objects.filter(county="330681", month=date(2026, 3, 1)).count() == 1


def test_a_month_without_requests_stores_no_issue_but_says_it_was_grouped(users, month_of_cases):
    assert hot_issues_refresh(county="330681", year=2026, month=2) == []
    area = dashboard_area(users["leader"])
    report = hot_issues(user=users["leader"], area=area, year=2026, month=2)
    assert report.issues == []
    assert report.computed_at is not None
    assert hot_issues(user=users["leader"], area=area, year=2026, month=1).computed_at is None


def test_township_staff_see_only_their_own_villages_requests_of_an_issue(users, month_of_cases):
    hot_issues_refresh(county="330681", year=2026, month=3)
    area = dashboard_area(users["township"])
    report = hot_issues(user=users["township"], area=area, year=2026, month=3)
    assert len(report.issues) == 1
    shown = report.issues[0]
    assert {case.division_id for case in shown.cases} == {TIANZHU, BAISHU}
    assert shown.issue.size == 4  # the county-wide figure is still told
    assert shown.villages_here == 2


def test_an_issue_with_nothing_in_the_readers_area_is_not_shown(users, monday):
    submit_all(users, [row for row in BRIDGE if row[0] != JIANGDONG])
    hot_issues_refresh(county="330681", year=2026, month=3)
    area = dashboard_area(users["outsider"])  # township staff of 暨阳街道
    report = hot_issues(user=users["outsider"], area=area, year=2026, month=3)
    assert report.issues == []
    assert report.computed_at is not None


def test_a_village_cadre_cannot_read_hot_issues(users, month_of_cases):
    with pytest.raises(NotAllowed):
        dashboard_area(users["cadre"], FENGQIAO)


def test_the_cli_groups_a_month_and_prints_json(month_of_cases, capsys):
    from jiceng.cli import main

    assert main(["hot-issues", "--month", "2026-03", "--county", "330681"]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary[0]["county"] == "330681"
    assert summary[0]["hot_issues"] == 1
    assert summary[0]["top"][0]["size"] == 4
    assert HotIssue.objects.filter(month=date(2026, 3, 1)).count() == 1


def test_the_cli_refuses_a_bad_month(month_of_cases, capsys):
    from jiceng.cli import main

    assert main(["hot-issues", "--month", "2026-13"]) == 2
    assert "--month" in capsys.readouterr().err


def test_the_worker_schedule_regroups_this_month_and_last_in_each_county(users, monday):
    submit_all(users)
    from jiceng.insights.tasks import enqueue_recent_hot_issues

    assert enqueue_recent_hot_issues() == 1  # immediate backend in tests: runs at once
    assert HotIssue.objects.filter(county="330681", month=date(2026, 3, 1)).count() == 1
    assert HotIssueRun.objects.filter(county="330681", month=date(2026, 2, 1)).exists()


LATE_BRIDGE = (BAISHU, "13800000009", "东溪石桥还没修", "东溪石桥桥面塌了个洞，到现在还没修。")


def _kept() -> HotIssueGrouping:
    return HotIssueGrouping.objects.get(county="330681", month=date(2026, 3, 1))


def test_an_hourly_update_places_a_new_report_into_the_kept_grouping_without_regrouping(
    users, month_of_cases, monday
):
    hot_issues_refresh(county="330681", year=2026, month=3)
    regrouped = _kept().regrouped_at
    with clock.frozen_at(monday + timedelta(hours=1)):
        late = _one(users, LATE_BRIDGE)
        stored = hot_issues_update(county="330681", year=2026, month=3)
    assert len(stored) == 1
    assert late.pk in stored[0].case_ids
    assert stored[0].size == 5
    assert stored[0].villages == 3
    kept = _kept()
    assert kept.regrouped_at == regrouped
    assert kept.updated_at == monday + timedelta(hours=1)
    assert kept.requests == 9


def test_an_update_regroups_when_nothing_is_kept_or_the_last_regroup_is_a_night_old(
    month_of_cases, monday
):
    assert hot_issues_update(county="330681", year=2026, month=3)[0].size == 4
    assert _kept().regrouped_at == monday
    later = monday + FULL_REGROUP_AFTER + timedelta(minutes=1)
    with clock.frozen_at(later):
        hot_issues_update(county="330681", year=2026, month=3)
    assert _kept().regrouped_at == later


def test_a_request_quarantined_since_leaves_its_hot_issue_at_the_next_update(
    month_of_cases, monday
):
    hot_issues_refresh(county="330681", year=2026, month=3)
    spam = month_of_cases["bridge"][0]
    Case.objects.filter(pk=spam.pk).update(state="quarantined")
    with clock.frozen_at(monday + timedelta(hours=1)):
        stored = hot_issues_update(county="330681", year=2026, month=3)
    assert stored[0].size == 3
    assert spam.pk not in stored[0].case_ids
    assert _kept().requests == 7


def test_a_damaged_kept_grouping_is_regrouped_rather_than_trusted(month_of_cases, monday):
    hot_issues_refresh(county="330681", year=2026, month=3)
    HotIssueGrouping.objects.update(state=b"not a grouping")
    later = monday + timedelta(hours=1)
    with clock.frozen_at(later):
        stored = hot_issues_update(county="330681", year=2026, month=3)
    assert stored[0].size == 4
    assert _kept().regrouped_at == later
