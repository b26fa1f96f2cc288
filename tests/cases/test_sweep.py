from datetime import timedelta

import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.sweep import sweep
from jiceng.core import clock

from factories import accepted, dispatched, resolved

pytestmark = pytest.mark.django_db


def test_missed_resolution_deadline_escalates_automatically(users, org, monday):
    case = accepted(users)
    with clock.frozen_at(case.resolve_by + timedelta(minutes=1)):
        report = sweep()
    case.refresh_from_db()
    assert report.escalated == [case.number]
    assert (case.state, case.owner) == (State.DISPATCHED, org["fengqiao"])
    event = case.events.order_by("-seq").first()
    assert event.kind == EventKind.ESCALATE and event.actor is None and event.data["automatic"]


def test_sweeping_twice_escalates_once(users, org, monday):
    case = accepted(users)
    with clock.frozen_at(case.resolve_by + timedelta(minutes=1)):
        sweep()
        again = sweep()
    assert again.escalated == []
    assert case.events.filter(kind=EventKind.ESCALATE).count() == 1


def test_missed_response_deadline_sends_one_reminder(users, monday):
    case = dispatched(users)
    with clock.frozen_at(case.respond_by + timedelta(minutes=5)):
        first, second = sweep(), sweep()
    assert first.reminded == [case.number] and second.reminded == []
    assert case.events.filter(kind=EventKind.REMIND).count() == 1


def test_overdue_case_at_the_top_tier_is_reported_not_escalated(users, org, monday):
    case = dispatched(users, category="utilities")
    with clock.frozen_at(case.resolve_by + timedelta(hours=1)):
        report = sweep()
    assert report.overdue_at_top == [case.number] and report.escalated == []


def test_unrated_case_closes_when_the_rating_window_passes(users, monday):
    case = resolved(users)
    with clock.frozen_at(monday + timedelta(days=8)):
        report = sweep()
    case.refresh_from_db()
    assert report.closed == [case.number] and case.state == State.CLOSED
    assert not case.ratings.exists()


def test_nothing_due_means_nothing_done(users, monday):
    accepted(users)
    report = sweep()
    assert (report.escalated, report.reminded, report.closed) == ([], [], [])
