import pytest

from jiceng.cases.models import EventKind, State
from jiceng.cases.services import case_merge
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed

from factories import JIANGDONG, accepted, submit

pytestmark = pytest.mark.django_db


def test_duplicate_is_merged_and_the_target_notes_it(users, monday):
    first = accepted(users)
    duplicate = submit(users, description="村口路灯坏了好久了")
    event = case_merge(case=duplicate, into=first, by=users["dispatcher"])
    assert (duplicate.state, duplicate.merged_into) == (State.MERGED, first)
    assert event.data == {"into": first.number}
    assert first.events.order_by("-seq").first().kind == EventKind.NOTE


def test_a_case_cannot_be_merged_into_itself(users, monday):
    case = submit(users)
    with pytest.raises(InvalidInput):
        case_merge(case=case, into=case, by=users["dispatcher"])


def test_merging_an_accepted_case_is_illegal(users, monday):
    case = accepted(users)
    other = submit(users)
    with pytest.raises(IllegalTransition, match="accepted"):
        case_merge(case=case, into=other, by=users["cadre"])


def test_cadre_cannot_merge_into_a_case_outside_the_jurisdiction(users, monday):
    from jiceng.cases.services import case_dispatch

    mine = submit(users)
    case_dispatch(case=mine, by=users["dispatcher"])
    theirs = submit(users, village=JIANGDONG)
    with pytest.raises(NotAllowed):
        case_merge(case=mine, into=theirs, by=users["cadre"])


def test_a_merged_case_takes_no_further_action(users, monday):
    from jiceng.cases.services import case_accept, case_dispatch

    first = submit(users)
    duplicate = submit(users)
    case_merge(case=duplicate, into=first, by=users["dispatcher"])
    with pytest.raises(IllegalTransition, match="merged"):
        case_dispatch(case=duplicate, by=users["dispatcher"])
    with pytest.raises(IllegalTransition, match="merged"):
        case_accept(case=duplicate, by=users["cadre"])
