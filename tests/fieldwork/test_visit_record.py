"""Recording a visit in one short form; a finding that needs action becomes a case."""

from __future__ import annotations

from datetime import date

import pytest
from fieldwork.households import street

from jiceng.cases.models import Case, CaseEvent, Category, Channel, EventKind, State
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.fieldwork.services import visit_follow_up_done, visit_record
from jiceng.people.models import Resident, User

from factories import TIANZHU


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def test_a_household_visit_is_recorded_with_the_village_and_today(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    visit = visit_record(
        by=users["cadre"],
        place_kind=PlaceKind.HOUSEHOLD,
        household=people["alone"].household,
        finding="老人精神好，药快吃完了。",
        follow_up_on=date(2026, 3, 9),
    )
    assert (visit.village_id, visit.visited_on, visit.case) == (TIANZHU, date(2026, 3, 2), None)
    assert visit.follow_up_on == date(2026, 3, 9)


def test_a_finding_becomes_a_case_carrying_household_address_and_contact(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    home = people["head"].household
    assert home is not None
    visit = visit_record(
        by=users["cadre"],
        place_kind=PlaceKind.HOUSEHOLD,
        household=home,
        finding="屋顶漏雨，下雨天卧室进水，需要修缮。",
        case_category=Category.objects.get(code="housing"),
    )
    case = Case.objects.get(pk=visit.case_id)
    assert (case.division_id, case.address, case.description) == (
        TIANZHU,
        "天竺社区后街3号",
        "屋顶漏雨，下雨天卧室进水，需要修缮。",
    )
    # A village-tier matter found on a visit stays in the village (小事不出村).
    assert (case.channel, case.state) == (Channel.IN_PERSON, State.DISPATCHED)
    assert (case.resident.name, case.resident.phone) == ("李建国", "13700002222")
    submit = CaseEvent.objects.get(case=case, kind=EventKind.SUBMIT)
    assert submit.actor == users["cadre"]
    # Where, who and the finding, plus the category: nothing else was typed.
    assert visit.typed_fields == 4 and visit.typed_fields <= 6
    assert visit.prefilled_fields >= 6


def test_a_place_visit_without_a_phone_asks_for_one_and_writes_nothing(
    users: dict[str, User], monday: object
) -> None:
    with pytest.raises(InvalidInput) as error:
        visit_record(
            by=users["grid_worker"],
            place_kind=PlaceKind.BACK_LANE,
            place="后弄堂",
            finding="电线私拉乱接，有火灾隐患。",
            case_category=Category.objects.get(code="utilities"),
        )
    assert error.value.field == "contact_phone"
    assert not Visit.objects.exists() and not Case.objects.exists()
    visit = visit_record(
        by=users["grid_worker"],
        place_kind=PlaceKind.BACK_LANE,
        place="后弄堂",
        finding="电线私拉乱接，有火灾隐患。",
        case_category=Category.objects.get(code="utilities"),
        contact_phone="13812345678",
    )
    assert visit.case is not None and visit.case.address == "后弄堂"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"place_kind": PlaceKind.HOUSEHOLD}, "household"),
        ({"place_kind": PlaceKind.WORKSHOP, "place": " "}, "place"),
        ({"place_kind": "moon"}, "place_kind"),
        ({"place_kind": PlaceKind.FIELD, "place": "东畈", "finding": ""}, "finding"),
        (
            {"place_kind": PlaceKind.FIELD, "place": "东畈", "follow_up_on": date(2026, 3, 1)},
            "follow_up_on",
        ),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    users: dict[str, User], monday: object, fields: dict[str, object], field: str
) -> None:
    values: dict[str, object] = {"finding": "看了看。", **fields}
    with pytest.raises(InvalidInput) as error:
        visit_record(by=users["cadre"], **values)  # type: ignore[arg-type]
    assert error.value.field == field
    assert not Visit.objects.exists()


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "township", "dispatcher"])
def test_nobody_outside_the_village_records_a_visit_to_its_household(
    users: dict[str, User], people: dict[str, Resident], who: str, monday: object
) -> None:
    with pytest.raises(NotAllowed):
        visit_record(
            by=users[who],
            place_kind=PlaceKind.HOUSEHOLD,
            household=people["alone"].household,
            finding="看望。",
            case_category=Category.objects.get(code="housing"),
        )
    assert not Visit.objects.exists() and not Case.objects.exists()


def test_a_follow_up_is_closed_by_its_village_only(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    visit = visit_record(
        by=users["grid_worker"],
        place_kind=PlaceKind.COMMUNITY,
        place="老年活动室",
        finding="空调坏了。",
        follow_up_on=date(2026, 3, 5),
    )
    with pytest.raises(NotAllowed):
        visit_follow_up_done(visit=visit, by=users["neighbour_cadre"])
    visit_follow_up_done(visit=visit, by=users["cadre"])
    visit.refresh_from_db()
    assert visit.follow_up_done_at is not None
