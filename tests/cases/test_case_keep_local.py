"""小事不出村: a village cadre or grid worker who takes a village-tier request keeps it."""

from __future__ import annotations

import pytest

from jiceng.cases import selectors, services
from jiceng.cases.models import Case, Category, Channel, EventKind, State
from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.services import visit_record

from factories import BAISHU, TIANZHU

pytestmark = pytest.mark.django_db


def _take(user, *, category: str = "transport", village: str = TIANZHU) -> Case:
    return services.case_submit(
        category=Category.objects.get(code=category),
        description="三组的水泥路塌了一个坑，电动车晚上容易摔。",
        division_code=village,
        contact_phone="13812345678",
        channel=Channel.IN_PERSON,
        by=user,
    )


@pytest.mark.parametrize("role", ["cadre", "grid_worker"])
def test_a_village_tier_request_taken_in_the_village_is_owned_there_at_once(
    users, org, monday, role
):
    case = _take(users[role])
    assert (case.state, case.owner_id) == (State.DISPATCHED, org["tianzhu"].pk)
    kinds = list(case.events.order_by("seq").values_list("kind", "data"))
    assert kinds == [
        (EventKind.SUBMIT, {"channel": "in_person"}),
        (EventKind.DISPATCH, {"proposed": True, "local": True}),
    ]
    dispatch = case.events.get(kind=EventKind.DISPATCH)
    # The village's response clock starts at once, counted from now.
    assert dispatch.unit_id == org["tianzhu"].pk and dispatch.respond_by == case.respond_by
    assert case.respond_by > monday and case.owner_since == monday


def test_the_dispatch_centre_sees_a_kept_request_but_has_nothing_to_do(users, monday):
    case = _take(users["grid_worker"])
    assert selectors.case_detail(users["dispatcher"], case.number).pk == case.pk
    assert case not in selectors.queue_cases(users["dispatcher"])
    assert selectors.available_actions(users["dispatcher"], case) == ["note"]
    assert case in selectors.queue_cases(users["cadre"])


def test_a_request_the_catalogue_gives_to_a_higher_tier_goes_to_the_dispatch_centre(
    users, org, monday
):
    water = _take(users["cadre"], category="utilities")  # county department
    jobs = _take(users["cadre"], category="employment")  # township
    for case in (water, jobs):
        assert (case.state, case.owner_id) == (State.SUBMITTED, org["centre"].pk)
        assert not case.events.filter(kind=EventKind.DISPATCH).exists()


def test_township_staff_taking_a_village_matter_send_it_through_the_dispatch_centre(
    users, org, monday
):
    case = _take(users["township"])
    assert (case.state, case.owner_id) == (State.SUBMITTED, org["centre"].pk)


def test_a_cadre_cannot_take_a_request_for_another_village(users, monday):
    with pytest.raises(NotAllowed):
        _take(users["cadre"], village=BAISHU)
    assert not Case.objects.exists()


def test_a_problem_found_on_a_visit_stays_in_the_village(users, org, monday):
    visit = visit_record(
        by=users["grid_worker"],
        place_kind="community",
        place="三组路口",
        finding="路灯不亮已经一周，晚上老人出门不方便。",
        case_category=Category.objects.get(code="transport"),
        contact_phone="13900001111",
    )
    assert visit.case is not None
    assert (visit.case.state, visit.case.owner_id) == (State.DISPATCHED, org["tianzhu"].pk)
    services.case_accept(case=visit.case, by=users["cadre"])
    assert Case.objects.get(pk=visit.case.pk).state == State.ACCEPTED
