"""Reading a reopening (重办) from a case's history: reason, source, rating, previous answer."""

from datetime import timedelta

import pytest

from jiceng.cases import selectors, services
from jiceng.cases.models import Case
from jiceng.cases.reopened import ReopenedBy, current_answer, last_reopening
from jiceng.core import clock

from factories import accepted, resolved

pytestmark = pytest.mark.django_db

FIRST_ANSWER = "已更换路灯灯泡，当晚恢复照明。"


def _read(case):
    fresh = Case.objects.get(pk=case.pk)
    reopening = last_reopening(selectors.case_timeline(fresh))
    return fresh, reopening


def test_a_case_never_reopened_has_no_reopening_and_keeps_its_answer(users, monday):
    case, reopening = _read(resolved(users))
    assert reopening is None and current_answer(case, reopening) == FIRST_ANSWER


def test_an_unsatisfied_rating_is_the_residents_reopening_with_its_rating(users, monday):
    case = resolved(users)
    later = monday + timedelta(days=2)
    with clock.frozen_at(later):
        services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="没修好")
    case, reopening = _read(case)
    assert reopening is not None
    assert (reopening.reason, reopening.at, reopening.by) == ("没修好", later, ReopenedBy.RESIDENT)
    assert (reopening.solved, reopening.satisfaction) == (False, "unsatisfied")
    assert reopening.actor is None
    assert reopening.satisfaction_label == "Unsatisfied"


def test_the_previous_answer_comes_from_history_not_from_the_case_field(users, org, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    case, reopening = _read(case)
    assert case.answer == FIRST_ANSWER  # still in the field after the reopening
    assert reopening is not None and reopening.previous is not None
    assert (reopening.previous.text, reopening.previous.unit) == (FIRST_ANSWER, org["tianzhu"].name)
    assert reopening.previous.at == monday and not reopening.answered
    assert current_answer(case, reopening) == ""


def test_a_new_answer_after_the_reopening_is_current_again(users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    services.case_accept(case=case, by=users["cadre"])
    services.case_resolve(case=case, by=users["cadre"], answer="换了整套灯具")
    case, reopening = _read(case)
    assert reopening is not None and reopening.answered
    assert reopening.previous is not None and reopening.previous.text == FIRST_ANSWER
    assert current_answer(case, reopening) == "换了整套灯具"


def test_a_dispatcher_call_back_and_a_dispatcher_reopening_are_told_apart(users, monday):
    called = resolved(users)
    services.case_rate(case=called, solved=True, satisfaction="unsatisfied", by=users["dispatcher"])
    reopened = resolved(users)
    services.case_rate(case=reopened, solved=True, satisfaction="satisfied")
    services.case_reopen(case=reopened, by=users["dispatcher"], reason="又坏了")
    _, by_call = _read(called)
    _, by_staff = _read(reopened)
    assert by_call is not None and by_call.by == ReopenedBy.CALLBACK
    assert by_call.actor == users["dispatcher"] and by_call.solved is True
    assert by_staff is not None and by_staff.by == ReopenedBy.STAFF
    # The satisfied rating before it did not cause the reopening.
    assert (by_staff.solved, by_staff.satisfaction, by_staff.reason) == (None, "", "又坏了")


def test_the_latest_of_two_reopenings_is_read(users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="第一次")
    services.case_accept(case=case, by=users["cadre"])
    services.case_resolve(case=case, by=users["cadre"], answer="第二次答复")
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment="第二次")
    _, reopening = _read(case)
    assert reopening is not None and reopening.reason == "第二次"
    assert reopening.previous is not None and reopening.previous.text == "第二次答复"


def test_reading_a_loaded_timeline_runs_no_query(users, monday, django_assert_num_queries):
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied")
    events = selectors.case_timeline(case)
    with django_assert_num_queries(0):
        reopening = last_reopening(events)
        assert reopening is not None and reopening.previous is not None
        assert reopening.previous.unit and reopening.actor is None


def test_an_open_case_without_reopening_is_not_affected(users, monday):
    case, reopening = _read(accepted(users))
    assert reopening is None and current_answer(case, reopening) == ""
