import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.services import case_resolve
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import accepted, dispatched

pytestmark = pytest.mark.django_db


def test_owner_resolves_with_an_answer(users, monday):
    case = accepted(users)
    event = case_resolve(case=case, by=users["cadre"], answer="已修好")
    assert (case.state, case.answer, case.resolved_at) == (State.RESOLVED, "已修好", monday)
    assert event.kind == EventKind.RESOLVE and event.note == "已修好"


def test_resolving_needs_an_answer(users, monday):
    case = accepted(users)
    with pytest.raises(InvalidInput) as error:
        case_resolve(case=case, by=users["cadre"], answer="")
    assert error.value.field == "answer"
    case.refresh_from_db()
    assert case.state == State.ACCEPTED


def test_a_case_must_be_accepted_before_it_is_resolved(users, monday):
    case = dispatched(users)
    with pytest.raises(IllegalTransition, match="dispatched"):
        case_resolve(case=case, by=users["cadre"], answer="x")


def test_township_cannot_resolve_a_village_case(users, monday):
    case = accepted(users)
    with pytest.raises(NotAllowed):
        case_resolve(case=case, by=users["township"], answer="x")
