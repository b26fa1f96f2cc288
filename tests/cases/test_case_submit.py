import pytest

from jiceng.cases.models import Case, CaseEvent, Category, Channel, EventKind, State
from jiceng.cases.services import case_submit
from jiceng.core.errors import InvalidInput, NotAllowed

from factories import FENGQIAO, TIANZHU, local, submit

pytestmark = pytest.mark.django_db


def test_submitted_request_gets_a_number_an_owner_and_deadlines(users, monday):
    case = submit(users)
    assert case.state == State.SUBMITTED
    assert case.number == f"260302{case.pk:06d}"
    assert case.owner.kind == "dispatch"
    # transport: general limit, 24 h to respond, 7 working days to resolve
    assert case.respond_by == local(2026, 3, 3, 9, 0)
    assert case.resolve_by == local(2026, 3, 11, 23, 59, 59)
    event = CaseEvent.objects.get(case=case)
    assert (event.kind, event.seq, event.to_state) == (EventKind.SUBMIT, 1, State.SUBMITTED)


def test_contact_details_are_kept_with_the_case(users, monday):
    case = submit(users)
    assert case.resident.phone == "13812345678"
    assert case.resident.name == "王小明"


def test_bad_phone_names_the_phone_field_and_writes_nothing(users, monday):
    with pytest.raises(InvalidInput) as error:
        submit(users, contact_phone="12345")
    assert error.value.field == "phone"
    assert Case.objects.count() == 0


def test_empty_description_is_refused(users, monday):
    with pytest.raises(InvalidInput) as error:
        submit(users, description="   ")
    assert error.value.field == "description"


def test_location_must_be_a_village_not_a_township(users, monday):
    with pytest.raises(InvalidInput) as error:
        submit(users, village=FENGQIAO)
    assert error.value.field == "division"
    assert Case.objects.count() == 0


def test_title_defaults_to_the_start_of_the_description(users, monday):
    case = submit(users)
    assert case.title == case.description[:30]


def test_leaders_do_not_take_requests(users, monday):
    with pytest.raises(NotAllowed):
        case_submit(
            category=Category.objects.get(code="other"),
            description="测试",
            division_code=TIANZHU,
            contact_phone="13812345678",
            channel=Channel.WEB,
            by=users["leader"],
        )


def test_emergency_uses_the_two_hour_limit(users, monday):
    case = submit(users, urgency="emergency")
    assert case.resolve_by == local(2026, 3, 2, 11, 0)
