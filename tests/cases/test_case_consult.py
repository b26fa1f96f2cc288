import pytest

from jiceng.cases.models import Category, EventKind, Kind, State
from jiceng.cases.services import case_consult, case_dispatch
from jiceng.core.errors import IllegalTransition, NotAllowed

from factories import TIANZHU

pytestmark = pytest.mark.django_db


def _consult(by):
    return case_consult(
        category=Category.objects.get(code="social_security"),
        question="城乡居民医保今年什么时候截止缴费？",
        answer="截止到12月31日，可通过浙里办或村便民服务中心缴纳。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=by,
    )


def test_consultation_is_answered_and_closed_at_once(users, monday):
    case = _consult(users["dispatcher"])
    assert (case.kind, case.state) == (Kind.CONSULTATION, State.CLOSED)
    assert [e.kind for e in case.events.order_by("seq")] == [EventKind.SUBMIT, EventKind.ANSWER]
    assert case.answer.startswith("截止")


def test_consultation_is_never_dispatched(users, monday):
    case = _consult(users["dispatcher"])
    with pytest.raises(IllegalTransition):
        case_dispatch(case=case, by=users["dispatcher"])


def test_only_dispatchers_answer_consultations(users, monday):
    with pytest.raises(NotAllowed):
        _consult(users["cadre"])
