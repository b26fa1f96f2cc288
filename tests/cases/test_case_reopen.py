from datetime import timedelta

import pytest

from jiceng.cases.models import State
from jiceng.cases.services import case_rate, case_reopen
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, NotAllowed

from factories import accepted, resolved

pytestmark = pytest.mark.django_db


def test_dispatcher_reopens_a_closed_case_on_the_residents_complaint(users, org, monday):
    case = resolved(users)
    case_rate(case=case, solved=True, satisfaction="satisfied")
    with clock.frozen_at(monday + timedelta(days=3)):
        case_reopen(case=case, by=users["dispatcher"], reason="群众来电反映问题复发")
    assert (case.state, case.owner, case.reopen_count) == (State.DISPATCHED, org["tianzhu"], 1)


def test_reopening_after_the_window_is_illegal(users, monday):
    case = resolved(users)
    with (
        clock.frozen_at(monday + timedelta(days=16)),
        pytest.raises(IllegalTransition, match="window"),
    ):
        case_reopen(case=case, by=users["dispatcher"], reason="x")


def test_reopening_an_open_case_is_illegal(users, monday):
    case = accepted(users)
    with pytest.raises(IllegalTransition, match="accepted"):
        case_reopen(case=case, by=users["dispatcher"], reason="x")


def test_cadres_cannot_reopen(users, monday):
    case = resolved(users)
    with pytest.raises(NotAllowed):
        case_reopen(case=case, by=users["cadre"], reason="x")
