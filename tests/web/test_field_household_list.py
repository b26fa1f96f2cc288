"""The household list: sorted by group and house number, searchable, filtered by group, paged."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from fieldwork.households import household, member

from jiceng.people.models import Household, User
from jiceng.places.models import Grid
from jiceng.web.field.household_list import PAGE_SIZE

from factories import TIANZHU, local

pytestmark = pytest.mark.django_db
URL = "/workbench/field/households/"


def _second_group() -> Grid:
    return Grid.objects.create(code=f"{TIANZHU}002", name="第二组", village_id=TIANZHU)


def _home(number: str, address: str, grid: Grid | None = None) -> Household:
    home = household(number=number, address=address)
    if grid is not None:
        home.grid = grid
        home.save(update_fields=["grid"])
    return home


def _numbers(html: str) -> list[str]:
    return re.findall(r'<span class="hint">#([^<]+)</span>', html)


def _page(user: User, **params: str) -> str:
    client = Client()
    client.force_login(user)
    return client.get(URL, params, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_households_are_listed_by_group_then_house_number_not_by_id(users):
    second = _second_group()
    _home("1", "天竺社区二组1号", second)
    _home("10", "天竺社区新街10号")
    _home("2", "天竺社区新街2号")
    _home("", "天竺社区无号户")
    _home("1", "天竺社区新街1号")
    assert _numbers(_page(users["cadre"])) == ["1", "2", "10", "1"]


def test_search_finds_by_house_number_or_address(users):
    _home("0007", "天竺社区新街7号")
    _home("0012", "天竺社区后街12号")
    assert _numbers(_page(users["cadre"], q="0007")) == ["0007"]
    assert _numbers(_page(users["cadre"], q="后街")) == ["0012"]
    assert "No household matches." in _page(users["cadre"], q="不存在")


def test_search_does_not_find_by_the_residents_name(users):
    member(_home("0007", "天竺社区新街7号"), born=local(1950, 1, 1).date(), name="王秀英")
    html = _page(users["cadre"], q="王秀英")
    assert _numbers(html) == [] and "王秀英" not in html.replace('value="王秀英"', "")


def test_the_group_filter_keeps_one_group(users):
    second = _second_group()
    _home("0001", "天竺社区新街1号")
    _home("0002", "天竺社区二组2号", second)
    html = _page(users["grid_worker"], group=second.code)
    assert _numbers(html) == ["0002"] and "第二组" in html


def test_a_cadre_of_another_village_sees_none_of_them_even_naming_their_group(users):
    second = _second_group()
    _home("0001", "天竺社区新街1号")
    _home("0002", "天竺社区二组2号", second)
    html = _page(users["neighbour_cadre"], group=second.code)
    assert "天竺社区" not in html and "第二组" not in html and _numbers(html) == []
    html = _page(users["neighbour_cadre"], q="天竺")
    assert "天竺社区新街" not in html and _numbers(html) == []


def test_the_search_is_escaped(users):
    html = _page(users["cadre"], q="<script>alert(1)</script>")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_long_list_is_paged_and_the_search_is_kept_across_pages(users):
    grid = _home("0000", "天竺社区新街").grid
    Household.objects.bulk_create(
        Household(grid=grid, number=f"{n:04d}", address="新街") for n in range(1, PAGE_SIZE + 5)
    )
    first = _page(users["cadre"], q="新街")
    assert len(_numbers(first)) == PAGE_SIZE and "Page 1 of 2" in first
    assert "q=%E6%96%B0%E8%A1%97&amp;page=2" in first
    assert len(_numbers(_page(users["cadre"], q="新街", page="2"))) == 5


def test_the_filter_is_in_chinese_by_default(users, chinese):
    client = Client()
    client.force_login(users["cadre"])
    html = client.get(URL).content.decode()
    assert "户号或地址" in html and "全部组" in html
