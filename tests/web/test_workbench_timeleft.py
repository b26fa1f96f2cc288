"""Deadline marks: today and tomorrow are local calendar days (Asia/Shanghai), not 24-hour spans."""

from datetime import timedelta

import pytest

from jiceng.cases.models import Urgency
from jiceng.core import clock
from jiceng.web.workbench.timeleft import DUE_TODAY, DUE_TOMORROW, OVERDUE, due

from factories import accepted, local

pytestmark = pytest.mark.django_db


def test_a_deadline_at_one_minute_to_midnight_is_due_today():
    assert due(local(2026, 3, 2, 23, 59), local(2026, 3, 2, 0, 1)).css == DUE_TODAY


def test_a_deadline_just_after_midnight_is_due_tomorrow_though_only_minutes_away():
    mark = due(local(2026, 3, 3, 0, 5), local(2026, 3, 2, 23, 50))
    assert mark.css == DUE_TOMORROW and mark.text == "15 min left"


def test_a_deadline_late_tomorrow_is_due_tomorrow_though_more_than_24_hours_away():
    assert due(local(2026, 3, 3, 23, 0), local(2026, 3, 2, 8, 0)).css == DUE_TOMORROW


def test_a_deadline_the_day_after_tomorrow_is_not_marked_though_under_24_hours_away():
    assert due(local(2026, 3, 4, 0, 30), local(2026, 3, 2, 23, 59)).css == ""


def test_the_day_boundary_is_local_midnight_not_utc_midnight():
    # 07:30 and 08:30 in Shanghai are on either side of UTC midnight but on the same local day.
    assert due(local(2026, 3, 3, 8, 30), local(2026, 3, 3, 7, 30)).css == DUE_TODAY


def test_a_deadline_just_passed_is_overdue():
    assert due(local(2026, 3, 2, 9, 0), local(2026, 3, 2, 9, 1)).css == OVERDUE


def test_case_page_says_due_tomorrow_for_a_deadline_tomorrow(client, users, monday):
    case = accepted(users, urgency=Urgency.EMERGENCY)
    with clock.frozen_at(case.resolve_by - timedelta(days=1)):
        client.force_login(users["cadre"])
        page = client.get(f"/workbench/cases/{case.number}/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert '<span class="badge due-tomorrow">Due tomorrow</span>' in text
    assert "Due today" not in text


def test_case_page_says_due_today_for_a_deadline_today(client, users, monday):
    case = accepted(users, urgency=Urgency.EMERGENCY)
    with clock.frozen_at(case.resolve_by - timedelta(minutes=30)):
        client.force_login(users["cadre"])
        page = client.get(f"/workbench/cases/{case.number}/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert '<span class="badge due-today">Due today</span>' in text
    assert "Due tomorrow" not in text
