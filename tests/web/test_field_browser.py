"""In a phone-width browser: a visit with a finding, its case in the queue, the policy list."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.cases.models import Case
from jiceng.people.models import User
from jiceng.policies.services import policies_match

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def page(live_server: object) -> Iterator[object]:
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page(viewport={"width": 360, "height": 740})
        browser.close()


def _login(page: object, base: str, username: str) -> None:
    page.goto(base + "/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", "pw")  # type: ignore[attr-defined]
    page.locator("main form button[type=submit]").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]


def test_a_cadre_turns_a_visit_into_a_case_and_sees_who_to_reach(
    users: dict[str, User], live_server: object, page: object
) -> None:
    base = str(live_server)
    home = household(address="天竺社区新街12号")
    member(home, born=date(1940, 5, 1), phone="13900001111", is_household_head=True)
    policy("elderly", ELDERLY, title="高龄津贴")
    policies_match()
    _login(page, base, "cadre")
    page.goto(f"{base}/workbench/field/visit/?household={home.pk}")  # type: ignore[attr-defined]
    page.fill("#id_finding", "屋顶漏雨，卧室进水。")  # type: ignore[attr-defined]
    page.select_option("#id_case_category", label="住")  # type: ignore[attr-defined]
    page.click("form.field-form button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    case = Case.objects.get()
    assert f"Case {case.number}" in page.inner_text("main")  # type: ignore[attr-defined]
    page.goto(base + "/workbench/field/outreach/")  # type: ignore[attr-defined]
    assert "高龄津贴" in page.inner_text("main")  # type: ignore[attr-defined]
    page.context.clear_cookies()  # type: ignore[attr-defined]
    _login(page, base, "dispatcher")
    page.goto(base + "/workbench/")  # type: ignore[attr-defined]
    assert case.number in page.content()  # type: ignore[attr-defined]
