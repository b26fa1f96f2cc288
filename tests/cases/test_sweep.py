from datetime import timedelta

import pytest

from jiceng.cases import selectors, services
from jiceng.cases.models import Category, EventKind, State
from jiceng.cases.services.quarantine import quarantine
from jiceng.cases.sweep import sweep
from jiceng.core import clock

from factories import TIANZHU, accepted, dispatched, resolved, submit

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


# --- requests waiting for dispatch ------------------------------------------------------------


def test_a_waiting_request_has_the_dispatch_centres_response_clock(users, org, monday):
    case = submit(users)
    event = case.events.get(kind=EventKind.SUBMIT)
    assert event.unit_id == org["centre"].pk and event.respond_by == case.respond_by
    assert case.respond_by > monday


def test_the_dispatch_centre_is_reminded_once_before_its_clock_runs_out(users, monday):
    case = submit(users)
    window = case.respond_by - case.owner_since
    with clock.frozen_at(case.owner_since + window * 0.5):
        assert sweep().reminded == []
    with clock.frozen_at(case.owner_since + window * 0.85):
        first, second = sweep(), sweep()
    assert first.reminded == [case.number] and second.reminded == []
    reminder = case.events.get(kind=EventKind.REMIND)
    assert reminder.data["before"] is True and reminder.unit_id == case.owner_id


def test_a_request_still_waiting_after_its_deadline_is_flagged_to_the_leaders(users, monday):
    case = submit(users)
    with clock.frozen_at(case.respond_by + timedelta(minutes=1)):
        first, second = sweep(), sweep()
        flagged = list(selectors.queue_cases(users["leader"]))
    assert first.flagged == [case.number] and second.flagged == []
    assert case.events.filter(kind=EventKind.FLAG).count() == 1
    assert [c.pk for c in flagged] == [case.pk]
    # Dispatched at last: it leaves the leaders' list.
    case.refresh_from_db()
    with clock.frozen_at(case.respond_by + timedelta(hours=1)):
        services.case_dispatch(case=case, by=users["dispatcher"])
        assert list(selectors.queue_cases(users["leader"])) == []


def test_a_returned_request_starts_a_new_wait_with_its_own_flag(users, monday):
    case = dispatched(users)
    services.case_return(case=case, by=users["cadre"], reason="不是我们村的事")
    returned = case.events.get(kind=EventKind.RETURN)
    assert returned.respond_by == case.respond_by and returned.respond_by > monday
    with clock.frozen_at(case.respond_by + timedelta(minutes=1)):
        assert sweep().flagged == [case.number]


def test_held_spam_and_consultations_are_never_flagged(users, monday):
    consultation = services.case_consult(
        category=Category.objects.get(code="social_security"),
        question="养老保险怎么交？",
        answer="到村便民服务中心办理。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )
    held = submit(users)
    quarantine(held, score=1.0, reasons=["test"])
    with clock.frozen_at(monday + timedelta(days=30)):
        report = sweep()
    assert consultation.number not in report.flagged and held.number not in report.flagged
    assert report.flagged == []


def test_an_outsider_leader_is_not_shown_another_countys_flags(users, org, places, monday):
    from jiceng.people.models import Role, Unit, UnitKind, User

    other = places["330681"].__class__.objects.create(
        code="330683", name="嵊州市", level="county", parent_id="3306"
    )
    unit = Unit.objects.create(kind=UnitKind.COUNTY, name="嵊州市人民政府", division=other)
    stranger = User.objects.create_user(
        username="stranger", password="pw", role=Role.LEADER, unit=unit
    )
    case = submit(users)
    with clock.frozen_at(case.respond_by + timedelta(minutes=1)):
        sweep()
        assert list(selectors.queue_cases(stranger)) == []
