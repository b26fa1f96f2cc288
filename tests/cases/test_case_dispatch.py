import pytest

from jiceng.cases.models import Case, EventKind, State
from jiceng.cases.services import case_dispatch
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import dispatched, local, submit

pytestmark = pytest.mark.django_db


def test_dispatch_follows_the_catalogue_to_the_village(users, org, monday):
    case = submit(users)
    event = case_dispatch(case=case, by=users["dispatcher"])
    case.refresh_from_db()
    assert (case.state, case.owner) == (State.DISPATCHED, org["tianzhu"])
    assert event.kind == EventKind.DISPATCH and event.respond_by == case.respond_by
    assert event.data == {"proposed": True}


def test_catalogue_sends_utilities_to_the_county_department(users, org, monday):
    case = dispatched(users, category="utilities")
    assert case.owner == org["water"]
    assert case.resolve_by == local(2026, 3, 3, 9, 0)  # 24 hours


def test_catalogue_sends_village_affairs_to_the_township(users, org, monday):
    assert dispatched(users, category="village_affairs").owner == org["fengqiao"]


def test_dispatcher_can_override_the_catalogue(users, org, monday):
    case = submit(users)
    event = case_dispatch(case=case, by=users["dispatcher"], unit=org["fengqiao"])
    assert case.owner == org["fengqiao"] and event.data == {"proposed": False}


def test_dispatch_to_a_unit_of_another_county_is_refused(users, org, places, monday):
    from jiceng.people.models import Unit
    from jiceng.places.models import Division

    other = Division.objects.create(code="330682", name="上虞区", level="county", parent_id="3306")
    foreign = Unit.objects.create(kind="department", name="外县水务", division=other, slug="w")
    case = submit(users)
    with pytest.raises(InvalidInput):
        case_dispatch(case=case, by=users["dispatcher"], unit=foreign)
    assert Case.objects.get(pk=case.pk).state == State.SUBMITTED


def test_only_the_dispatch_centre_dispatches(users, monday):
    case = submit(users)
    with pytest.raises(NotAllowed):
        case_dispatch(case=case, by=users["cadre"])


def test_dispatching_twice_is_an_illegal_transition_that_names_the_state(users, monday):
    case = dispatched(users)
    with pytest.raises(IllegalTransition, match="dispatched"):
        case_dispatch(case=case, by=users["dispatcher"])
    assert case.events.count() == 2
