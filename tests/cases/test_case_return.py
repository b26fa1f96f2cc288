import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.services import case_dispatch, case_return
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import accepted, dispatched

pytestmark = pytest.mark.django_db


def test_misrouted_case_goes_back_to_the_dispatcher_with_the_reason(users, org, monday):
    case = dispatched(users)
    event = case_return(case=case, by=users["cadre"], reason="属于供电公司职责")
    assert (case.state, case.owner) == (State.SUBMITTED, org["centre"])
    assert event.kind == EventKind.RETURN and event.note == "属于供电公司职责"
    case_dispatch(case=case, by=users["dispatcher"], unit=org["fengqiao"])
    assert case.owner == org["fengqiao"]


def test_return_needs_a_reason(users, monday):
    case = dispatched(users)
    with pytest.raises(InvalidInput) as error:
        case_return(case=case, by=users["cadre"], reason="")
    assert error.value.field == "reason"


def test_an_accepted_case_cannot_be_returned(users, monday):
    case = accepted(users)
    with pytest.raises(IllegalTransition, match="accepted"):
        case_return(case=case, by=users["cadre"], reason="不归我们管")


def test_only_the_owner_can_return(users, monday):
    case = dispatched(users)
    with pytest.raises(NotAllowed):
        case_return(case=case, by=users["outsider_cadre"], reason="x")
