from datetime import timedelta

import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.services import case_dispatch, case_escalate
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import accepted, dispatched, local, resolved, submit

pytestmark = pytest.mark.django_db


def test_village_escalates_to_its_township_which_gets_its_own_clock(users, org, monday):
    case = accepted(users)
    later = monday + timedelta(days=2)
    with clock.frozen_at(later):
        event = case_escalate(case=case, by=users["cadre"], reason="需要镇里协调资金")
    assert (case.state, case.owner) == (State.DISPATCHED, org["fengqiao"])
    assert event.kind == EventKind.ESCALATE and event.data["from_unit"] == org["tianzhu"].pk
    assert case.respond_by == later + timedelta(hours=24)
    assert case.resolve_by == local(2026, 3, 13, 23, 59, 59)  # 7 working days from Wednesday


def test_township_escalates_to_the_department_in_the_catalogue(users, org, monday):
    case = submit(users, category="utilities")
    case_dispatch(case=case, by=users["dispatcher"], unit=org["tianzhu"])
    case_escalate(case=case, by=users["cadre"], reason="村里修不了主水管")
    case_escalate(case=case, by=users["township"], reason="需要水务集团处理")
    assert case.owner == org["water"]
    assert [e.kind for e in case.events.order_by("seq")][-2:] == [EventKind.ESCALATE] * 2


def test_escalating_without_a_reason_is_refused(users, monday):
    case = accepted(users)
    with pytest.raises(InvalidInput):
        case_escalate(case=case, by=users["cadre"], reason=" ")


def test_escalating_a_resolved_case_is_illegal(users, monday):
    case = resolved(users)
    with pytest.raises(IllegalTransition, match="resolved"):
        case_escalate(case=case, by=users["cadre"], reason="x")


def test_escalating_a_submitted_case_is_illegal(users, monday):
    case = submit(users)
    with pytest.raises(IllegalTransition, match="submitted"):
        case_escalate(case=case, by=users["dispatcher"], reason="x")


def test_another_village_cannot_escalate(users, monday):
    case = accepted(users)
    with pytest.raises(NotAllowed):
        case_escalate(case=case, by=users["neighbour_cadre"], reason="x")


def test_the_county_department_is_the_top_tier(users, monday):
    case = dispatched(users, category="utilities")
    with pytest.raises(IllegalTransition, match="top tier"):
        case_escalate(case=case, by=users["water"], reason="x")
