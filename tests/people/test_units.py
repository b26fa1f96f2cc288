"""Units are created when a county is set up, and only looked up afterwards."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from jiceng import cli
from jiceng.cases.models import Category, Channel
from jiceng.cases.services import case_submit
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, UnitKind
from jiceng.people.units import dispatch_centre, ensure_units, unit_for_code, unit_for_division
from jiceng.places.models import Division, Level

from factories import FENGQIAO, TIANZHU

pytestmark = pytest.mark.django_db

served_counties = importlib.import_module("jiceng.people.migrations.0006_units_of_served_counties")
OTHER_COUNTY = "330682"
OTHER_VILLAGE = "330682001001"


@pytest.fixture
def other_county(places: dict[str, Division]) -> None:
    """上虞区, imported but not set up: one township and one village, no units."""
    for code, name, level, parent in (
        (OTHER_COUNTY, "上虞区", Level.COUNTY, "3306"),
        ("330682001", "百官街道", Level.TOWNSHIP, OTHER_COUNTY),
        (OTHER_VILLAGE, "龙山社区", Level.VILLAGE, "330682001"),
    ):
        Division.objects.create(code=code, name=name, level=level, parent_id=parent)


def _units(prefix: str) -> set[tuple[str, str, str]]:
    rows = Unit.objects.filter(division__code__startswith=prefix, slug="")
    return set(rows.values_list("division_id", "kind", "name"))


def test_setting_up_a_county_creates_its_centre_governments_and_committees_once(
    other_county,
):
    assert ensure_units(OTHER_COUNTY) == 4
    assert _units(OTHER_COUNTY) == {
        (OTHER_COUNTY, UnitKind.COUNTY, "上虞区人民政府"),
        (OTHER_COUNTY, UnitKind.DISPATCH, "上虞区12345热线受理中心"),
        ("330682001", UnitKind.TOWNSHIP, "百官街道办事处"),
        (OTHER_VILLAGE, UnitKind.VILLAGE, "龙山社区"),
    }
    assert ensure_units(OTHER_COUNTY) == 0
    assert not _units("330681")  # 诸暨市 was not asked for


def test_setting_up_a_village_imported_later_adds_only_its_committee(org):
    new = FENGQIAO + "099"
    Division.objects.create(code=new, name="新建村", level=Level.VILLAGE, parent_id=FENGQIAO)
    assert unit_for_code(new) is None
    assert ensure_units("330681") == 1
    assert unit_for_code(new) is not None


def test_looking_up_units_that_were_never_set_up_creates_nothing(other_county):
    village = Division.objects.get(code=OTHER_VILLAGE)
    assert unit_for_division(village) is None
    assert unit_for_code(OTHER_COUNTY, UnitKind.DISPATCH) is None
    with pytest.raises(InvalidInput, match="jiceng setup-units 330682") as refused:
        dispatch_centre(OTHER_COUNTY)
    assert refused.value.field == "division"
    assert not Unit.objects.filter(division__code__startswith=OTHER_COUNTY).exists()


def test_a_request_from_a_county_not_set_up_is_refused_and_says_how_to_set_it_up(
    other_county, monday
):
    with pytest.raises(InvalidInput, match="setup-units 330682") as refused:
        case_submit(
            category=Category.objects.get(code="transport"),
            title="路灯坏了",
            description="龙山社区门口的路灯坏了一个月",
            division_code=OTHER_VILLAGE,
            contact_phone="13812345678",
            channel=Channel.WEB,
        )
    assert refused.value.field == "division"
    assert not Unit.objects.filter(division__code__startswith=OTHER_COUNTY).exists()


def test_the_setup_units_command_sets_up_a_county_and_says_how_many(other_county, capsys):
    assert cli.main(["setup-units", OTHER_COUNTY]) == 0
    assert capsys.readouterr().out == "4 units created\n"
    assert dispatch_centre(OTHER_COUNTY).name == "上虞区12345热线受理中心"


def test_the_setup_units_command_refuses_a_code_that_is_not_digits(capsys):
    assert cli.main(["setup-units", "33068x"]) == 2
    assert "CODE must be a division code prefix" in capsys.readouterr().err


def test_the_upgrade_sets_up_the_counties_already_served_and_no_other(org, other_county):
    Unit.objects.filter(division_id=TIANZHU).delete()
    served_counties.create_units(apps, None)
    assert unit_for_code(TIANZHU) is not None
    assert not Unit.objects.filter(division__code__startswith=OTHER_COUNTY).exists()
