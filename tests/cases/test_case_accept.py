import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.services import case_accept
from jiceng.core.errors import IllegalTransition, NotAllowed

from factories import accepted, dispatched, submit

pytestmark = pytest.mark.django_db


def test_owner_accepts_a_dispatched_case(users, monday):
    case = dispatched(users)
    event = case_accept(case=case, by=users["cadre"])
    assert case.state == State.ACCEPTED and event.kind == EventKind.ACCEPT


def test_grid_worker_of_the_village_can_accept(users, monday):
    case = dispatched(users)
    case_accept(case=case, by=users["grid_worker"])
    assert case.state == State.ACCEPTED


def test_cadre_of_another_village_cannot_accept(users, monday):
    case = dispatched(users)
    with pytest.raises(NotAllowed):
        case_accept(case=case, by=users["neighbour_cadre"])
    case.refresh_from_db()
    assert case.state == State.DISPATCHED


def test_outsider_township_cannot_accept(users, monday):
    case = dispatched(users)
    with pytest.raises(NotAllowed):
        case_accept(case=case, by=users["outsider"])


def test_accepting_a_submitted_case_is_illegal(users, monday):
    case = submit(users)
    with pytest.raises(IllegalTransition, match="submitted"):
        case_accept(case=case, by=users["cadre"])


def test_accepting_twice_is_illegal(users, monday):
    case = accepted(users)
    with pytest.raises(IllegalTransition, match="accepted"):
        case_accept(case=case, by=users["cadre"])
