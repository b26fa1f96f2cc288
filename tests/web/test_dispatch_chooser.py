"""Choosing where a case goes: narrowed to the case's township, all units on request, named."""

import re

import pytest

from factories import FENGQIAO, TIANZHU, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}


def _options(page: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}".*?</select>', page, re.S)
    assert select is not None
    return re.findall(r"<option [^>]*>([^<]*)</option>", select.group(0))


@pytest.fixture
def case(users, monday):
    return submit(users, division_code=TIANZHU)


@pytest.fixture
def dispatcher(client, users):
    client.force_login(users["dispatcher"])
    return client


def test_case_page_lists_the_county_and_the_cases_township_only(dispatcher, case):
    page = dispatcher.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    names = _options(page, "id_dispatch-unit")
    assert "诸暨市水务集团" in names and "枫桥镇人民政府" in names
    assert "天竺社区居委会" in names
    assert "暨阳街道办事处" not in names and "江东社区" not in names
    assert "units and those of 枫桥镇人民政府." in page
    assert f"/workbench/cases/{case.number}/?units=all" in page


def test_all_units_lists_every_township(dispatcher, case):
    page = dispatcher.get(f"/workbench/cases/{case.number}/?units=all", **EN).content.decode()
    names = _options(page, "id_dispatch-unit")
    assert "江东社区" in names
    assert "Listed: the county" not in page


def test_the_chosen_unit_is_named_beside_the_list(dispatcher, case, org):
    page = dispatcher.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    chosen = re.search(r'id="id_dispatch-unit-chosen"[^>]*>(.*?)</p>', page, re.S)
    assert chosen is not None and "Will be sent to:" in chosen.group(1)
    assert "<b " in chosen.group(1)  # the proposal's unit, or the catalogue's words for it
    partial = dispatcher.get(
        f"/workbench/desk/proposal/?category=transport&village={TIANZHU}&unit={org['jiangdong'].pk}",
        **EN,
    ).content.decode()
    assert "江东社区</b>" in partial  # outside the township, but chosen: still listed


def test_intake_panel_is_narrowed_too(dispatcher, case):
    page = dispatcher.get(f"/workbench/cases/{case.number}/intake/", **EN).content.decode()
    names = _options(page, "id_intake-unit")
    assert "天竺社区居委会" in names and "江东社区" not in names
    assert "Search the units" in page  # the search box, shown by the script


def test_desk_lists_all_units_when_asked(dispatcher):
    query = f"category=transport&township={FENGQIAO}&village={TIANZHU}"
    narrowed = dispatcher.get(f"/workbench/desk/proposal/?{query}", **EN).content.decode()
    assert "江东社区" not in _options(narrowed, "id_unit")
    everything = dispatcher.get(f"/workbench/desk/proposal/?{query}&units=all", **EN)
    assert "江东社区" in _options(everything.content.decode(), "id_unit")


def test_outsiders_never_see_the_chooser(client, users, case):
    client.force_login(users["outsider"])
    assert client.get(f"/workbench/cases/{case.number}/?units=all").status_code == 404
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/?units=all").content.decode()
    assert "id_dispatch-unit" not in page and "水务集团" not in page.split("h-actions")[-1]
