import pytest

from jiceng.cases.models import EventKind
from jiceng.cases.services import case_note
from jiceng.core.errors import NotAllowed

from factories import accepted

pytestmark = pytest.mark.django_db


def test_note_is_added_without_changing_the_state(users, monday):
    case = accepted(users)
    event = case_note(case=case, by=users["township"], note="已督促村里本周内处理")
    assert event.kind == EventKind.NOTE and event.from_state == event.to_state == "accepted"


def test_outsider_cannot_add_a_note(users, monday):
    case = accepted(users)
    with pytest.raises(NotAllowed):
        case_note(case=case, by=users["outsider"], note="x")


def test_leaders_read_but_do_not_write_notes(users, monday):
    case = accepted(users)
    with pytest.raises(NotAllowed):
        case_note(case=case, by=users["leader"], note="x")
