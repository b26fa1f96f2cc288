"""At phone width, in Chinese: the household list's search and group filter fit the screen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fieldwork.households import household

from jiceng.people.models import User
from jiceng.places.models import Grid

from browser import MARKS, launched
from factories import TIANZHU

pytestmark = MARKS


@pytest.fixture
def page(live_server: object, chinese: None) -> Iterator[object]:
    with launched() as browser:
        yield browser.new_page(viewport={"width": 360, "height": 740}, locale="zh-CN")


def test_a_grid_worker_narrows_the_list_to_one_group_on_a_phone(
    users: dict[str, User], live_server: object, page: object, tmp_path: Path
) -> None:
    second = Grid.objects.create(code=f"{TIANZHU}002", name="第二组", village_id=TIANZHU)
    household(number="0003", address="天竺社区新街3号")
    home = household(number="0001", address="天竺社区二组1号")
    home.grid = second
    home.save(update_fields=["grid"])
    base = str(live_server)
    page.goto(base + "/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", "grid")  # type: ignore[attr-defined]
    page.fill("#id_password", "pw")  # type: ignore[attr-defined]
    page.locator("main form button[type=submit]").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    page.goto(base + "/workbench/field/households/")  # type: ignore[attr-defined]
    page.select_option("#id_group", label="第二组")  # type: ignore[attr-defined]
    page.locator("form.household-filter button[type=submit]").click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    text = page.inner_text("main")  # type: ignore[attr-defined]
    assert "天竺社区二组1号" in text and "天竺社区新街3号" not in text
    wide = page.evaluate("document.documentElement.scrollWidth")  # type: ignore[attr-defined]
    assert wide <= 360
    page.screenshot(path=str(tmp_path / "households-360.png"), full_page=True)  # type: ignore[attr-defined]
