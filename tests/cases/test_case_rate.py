from datetime import timedelta

import pytest

from jiceng.cases.models import EventKind, Rating, RatingSource, State
from jiceng.cases.services import case_rate
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import accepted, resolved

pytestmark = pytest.mark.django_db


def test_satisfied_rating_closes_the_case(users, org, monday):
    case = resolved(users)
    rating = case_rate(case=case, solved=True, satisfaction="satisfied", comment="很快")
    assert case.state == State.CLOSED
    assert (rating.unit, rating.source, rating.solved) == (org["tianzhu"], RatingSource.LINK, True)


def test_unsatisfied_rating_reopens_the_case_for_the_same_owner(users, org, monday):
    case = resolved(users)
    case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="灯还是不亮")
    assert (case.state, case.owner, case.reopen_count) == (State.DISPATCHED, org["tianzhu"], 1)
    kinds = [e.kind for e in case.events.order_by("seq")]
    assert kinds[-2:] == [EventKind.RATE, EventKind.REOPEN]
    assert case.resolved_at is None


def test_second_unsatisfied_rating_sends_the_case_up_a_tier(users, org, monday):
    case = resolved(users)
    case_rate(case=case, solved=False, satisfaction="unsatisfied")
    from jiceng.cases.services import case_accept, case_resolve

    case_accept(case=case, by=users["cadre"])
    case_resolve(case=case, by=users["cadre"], answer="再次修理")
    case_rate(case=case, solved=False, satisfaction="unsatisfied")
    assert case.owner == org["fengqiao"] and case.reopen_count == 2


def test_dispatcher_call_back_is_recorded_as_a_call_back(users, monday):
    case = resolved(users)
    rating = case_rate(case=case, solved=True, satisfaction="basically", by=users["dispatcher"])
    assert rating.source == RatingSource.CALLBACK
    assert rating.event.actor == users["dispatcher"]


def test_cadres_cannot_rate_their_own_work(users, monday):
    case = resolved(users)
    with pytest.raises(NotAllowed):
        case_rate(case=case, solved=True, satisfaction="satisfied", by=users["cadre"])
    assert Rating.objects.count() == 0


def test_rating_an_unresolved_case_is_illegal(users, monday):
    case = accepted(users)
    with pytest.raises(IllegalTransition, match="accepted"):
        case_rate(case=case, solved=True, satisfaction="satisfied")


def test_rating_twice_is_illegal(users, monday):
    case = resolved(users)
    case_rate(case=case, solved=True, satisfaction="satisfied")
    with pytest.raises(IllegalTransition, match="closed"):
        case_rate(case=case, solved=True, satisfaction="satisfied")


def test_unknown_satisfaction_names_the_field(users, monday):
    case = resolved(users)
    with pytest.raises(InvalidInput) as error:
        case_rate(case=case, solved=True, satisfaction="great")
    assert error.value.field == "satisfaction"


def test_late_unsatisfied_rating_still_reopens(users, org, monday):
    case = resolved(users)
    with clock.frozen_at(monday + timedelta(days=6)):
        case_rate(case=case, solved=False, satisfaction="unsatisfied")
    assert case.state == State.DISPATCHED
