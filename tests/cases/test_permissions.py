"""Jurisdiction: who sees which case, and the fetch-and-check helper."""

import pytest
from django.contrib.auth.models import AnonymousUser

from jiceng.cases.models import Case
from jiceng.cases.permissions import case_for_user, visible_cases, visible_in
from jiceng.cases.selectors.filters import within
from jiceng.core.errors import NotAllowed
from jiceng.people.models import User

from factories import BAISHU, FENGQIAO, JIANGDONG, JIYANG, TIANZHU, dispatched, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_cases(users, monday):
    return {
        "tianzhu": dispatched(users),
        "baishu": dispatched(users, village=BAISHU),
        "jiangdong": dispatched(users, village=JIANGDONG),
        "utilities": dispatched(users, category="utilities"),
    }


def _numbers(user):
    return set(visible_cases(user).values_list("number", flat=True))


def test_village_cadre_sees_only_their_village(users, three_cases):
    assert _numbers(users["cadre"]) == {
        three_cases["tianzhu"].number,
        three_cases["utilities"].number,
    }


def test_village_cadre_cannot_see_other_village(users, three_cases):
    with pytest.raises(NotAllowed):
        case_for_user(users["cadre"], three_cases["baishu"].pk)


def test_township_sees_its_villages_but_not_another_township(users, three_cases):
    seen = _numbers(users["township"])
    assert three_cases["baishu"].number in seen and three_cases["tianzhu"].number in seen
    assert three_cases["jiangdong"].number not in seen


def test_township_user_cannot_act_outside_the_township(users, three_cases):
    with pytest.raises(NotAllowed):
        case_for_user(users["outsider"], three_cases["tianzhu"].number, write=True)


def test_township_can_read_but_not_act_on_a_village_case(users, three_cases):
    case = case_for_user(users["township"], three_cases["tianzhu"].number)
    assert case.pk == three_cases["tianzhu"].pk
    with pytest.raises(NotAllowed):
        case_for_user(users["township"], three_cases["tianzhu"].number, write=True)


def test_department_sees_its_categories_across_the_county_only(users, three_cases):
    assert _numbers(users["water"]) == {three_cases["utilities"].number}


def test_dispatcher_and_leader_see_the_whole_county(users, three_cases):
    everything = {c.number for c in three_cases.values()}
    assert _numbers(users["dispatcher"]) == everything
    assert _numbers(users["leader"]) == everything


def test_residents_and_anonymous_users_see_nothing_through_staff_scoping(users, three_cases):
    from django.contrib.auth.models import AnonymousUser

    assert _numbers(users["resident"]) == set()
    assert not visible_cases(AnonymousUser()).exists()  # type: ignore[arg-type]


def test_admin_sees_everything(users, three_cases):
    assert len(_numbers(users["admin"])) == 4


def test_owner_fetches_for_writing(users, monday):
    case = submit(users)
    assert case_for_user(users["dispatcher"], case.number, write=True).pk == case.pk


@pytest.mark.parametrize(
    "prefix", ["", "33", "330681", FENGQIAO, TIANZHU, BAISHU, JIYANG, JIANGDONG, "330682", "3a"]
)
def test_visible_in_a_place_is_exactly_what_visible_cases_shows_there(users, three_cases, prefix):
    # A case the Tianzhu village owns outside its village: visible to its cadre as owned.
    away = dispatched(users, village=JIANGDONG)
    Case.objects.filter(pk=away.pk).update(owner=users["cadre"].unit)
    users["retired"] = User.objects.get(pk=users["cadre"].pk)
    users["retired"].is_active = False
    for name, user in [*users.items(), ("anonymous", AnonymousUser())]:
        narrowed = visible_cases(user).filter(within(prefix)).values_list("pk", flat=True)
        assert set(visible_in(user, prefix).values_list("pk", flat=True)) == set(narrowed), name


def test_visible_in_their_own_area_is_the_place_alone_for_county_staff(users):
    # What lets PostgreSQL count an area's cases right: no jurisdiction OR beside the range.
    sql = str(visible_in(users["dispatcher"], users["dispatcher"].jurisdiction).query)
    where = sql.split(" WHERE ")[1]
    assert "LIKE" not in where and "owner_id" not in where and "division_id" in where
    department = str(visible_in(users["water"], users["water"].jurisdiction).query)
    assert "cases_dispatchrule" in department  # the remit still decides
