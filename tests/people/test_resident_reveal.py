import pytest

from jiceng.core.errors import InvalidInput
from jiceng.people.models import AccessLog
from jiceng.people.services import may_reveal_health_in, resident_reveal

from factories import BAISHU, TIANZHU, dispatched

pytestmark = pytest.mark.django_db


def test_revealing_a_phone_returns_it_and_logs_who_when_what_and_why(users, monday):
    case = dispatched(users)
    phone = resident_reveal(
        resident=case.resident, field="phone", by=users["cadre"], reason="电话联系群众", case=case
    )
    assert phone == "13812345678"
    entry = AccessLog.objects.get()
    assert (entry.user, entry.field, entry.reason, entry.case_id, entry.at) == (
        users["cadre"],
        "phone",
        "电话联系群众",
        case.pk,
        monday,
    )


def test_revealing_without_a_reason_is_refused_and_logs_nothing(users, monday):
    case = dispatched(users)
    with pytest.raises(InvalidInput) as error:
        resident_reveal(resident=case.resident, field="phone", by=users["cadre"], reason=" ")
    assert error.value.field == "reason" and not AccessLog.objects.exists()


def test_only_personal_fields_can_be_revealed(users, monday):
    case = dispatched(users)
    with pytest.raises(InvalidInput):
        resident_reveal(resident=case.resident, field="phone_index", by=users["cadre"], reason="x")


def test_health_figures_are_for_a_village_cadre_and_only_of_their_village(users):
    assert may_reveal_health_in(users["cadre"], {TIANZHU})
    assert not may_reveal_health_in(users["cadre"], {TIANZHU, BAISHU})
    for who in ("grid_worker", "township", "water", "leader", "admin", "outsider_cadre"):
        assert not may_reveal_health_in(users[who], {TIANZHU})
