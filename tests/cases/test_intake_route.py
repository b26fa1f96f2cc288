"""Intake keeps each village's route in memory; edits to divisions and units must show at once."""

import pytest

from jiceng.people.models import Unit, UnitKind
from jiceng.people.units import intake_route
from jiceng.places.models import Division, Level

from factories import TIANZHU, submit

pytestmark = pytest.mark.django_db


def test_a_renamed_village_is_seen_by_the_next_submission(users, monday):
    submit(users)
    village = Division.objects.get(code=TIANZHU)
    village.name = "天竺新村"
    village.save()
    route = intake_route(TIANZHU)
    assert route is not None
    assert route[0].name == "天竺新村"


def test_a_new_dispatch_centre_takes_the_next_submission(users, monday):
    first = submit(users)
    Unit.objects.filter(pk=first.owner_id).update(slug="retired")
    centre = Unit.objects.create(
        division_id=TIANZHU[:6], kind=UnitKind.DISPATCH, slug="", name="新受理中心"
    )
    assert submit(users).owner_id == centre.pk


def test_an_unknown_code_is_refused_every_time_and_not_remembered(users, monday):
    assert intake_route("330681999999") is None
    Division.objects.create(
        code="330681999999", name="新设村", level=Level.VILLAGE, parent_id=TIANZHU[:9]
    )
    route = intake_route("330681999999")
    assert route is not None
    assert route[0].name == "新设村"
