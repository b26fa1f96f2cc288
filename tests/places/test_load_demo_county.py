"""load_demo_county: 诸暨市 with its ancestors, townships and villages."""

from __future__ import annotations

import pytest

from jiceng.places.importer import load_demo_county
from jiceng.places.models import Division, Level


@pytest.mark.django_db
def test_demo_county_loads_23_townships_and_515_villages_under_their_parents() -> None:
    report = load_demo_county()

    assert report.created == 1 + 1 + 1 + 23 + 515
    townships = set(
        Division.objects.filter(level=Level.TOWNSHIP, parent_id="330681").values_list(
            "code", flat=True
        )
    )
    assert len(townships) == 23
    villages = Division.objects.filter(level=Level.VILLAGE)
    assert villages.count() == 515
    assert set(villages.values_list("parent_id", flat=True)) == townships
    assert Division.objects.get(code="330681109").name == "枫桥镇"


@pytest.mark.django_db
def test_demo_county_sits_under_shaoxing_and_zhejiang() -> None:
    load_demo_county()

    county = Division.objects.select_related("parent__parent").get(code="330681")

    assert (county.name, county.level) == ("诸暨市", Level.COUNTY)
    assert county.parent is not None and county.parent.name == "绍兴市"
    assert county.parent.parent is not None and county.parent.parent.name == "浙江省"
    assert county.parent.parent.parent_id is None


@pytest.mark.django_db
def test_loading_the_demo_county_twice_changes_nothing() -> None:
    load_demo_county()

    again = load_demo_county()

    assert (again.created, again.updated, again.unchanged) == (0, 0, 541)
    assert Division.objects.count() == 541
