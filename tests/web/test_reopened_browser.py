"""In a real browser, in Chinese at phone width: a reopened case (重办) is marked in the queue,
its case page opens on the resident's reason, and the resident's follow page says it is being
handled again. Screenshots go to ``JICENG_SCREENSHOTS`` or a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jiceng.cases import services

from browser import MARKS, launched
from factories import dispatched, resolved

pytestmark = MARKS

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
REASON = "灯还是不亮，晚上出门照样摸黑。<b>不是粗体</b>"


@pytest.fixture
def browser(live_server: object) -> Iterator[Any]:
    with launched() as running:
        yield running


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)


def _shoot(page: Any, folder: Path, name: str) -> int:
    """Phone (whole and first screen) and desktop screenshots; the page's width at 360 px."""
    page.set_viewport_size(PHONE)
    wide = int(page.evaluate("document.documentElement.scrollWidth"))
    page.screenshot(path=str(folder / f"{name}-phone.png"), full_page=True)
    page.screenshot(path=str(folder / f"{name}-phone-first-screen.png"))
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(folder / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    return wide


def _phone(browser: Any, base: str) -> Any:
    return browser.new_context(viewport=PHONE, base_url=base, locale="zh-CN").new_page()


def _login(page: Any, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/workbench/")


def test_a_reopened_case_is_marked_and_opens_on_the_residents_reason(
    browser: Any, live_server: object, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    case = resolved(users, title="村口路灯又坏了")
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment=REASON)
    fresh = dispatched(users, title="垃圾桶满了")
    page = _phone(browser, str(live_server))
    _login(page, "cadre")

    row = page.locator("tr", has=page.get_by_role("link", name=case.number))
    badge = row.locator(".badge.reopened")
    assert badge.locator("[aria-hidden=true]").inner_text() == "重办"
    assert badge.locator(".visually-hidden").bounding_box()["width"] <= 1
    assert "已重办 1 次" in row.aria_snapshot()  # what a screen reader says, in words
    fresh_row = page.locator("tr", has=page.get_by_role("link", name=fresh.number))
    assert fresh_row.locator(".badge.reopened").count() == 0
    assert _shoot(page, shots, "reopened-queue") <= PHONE["width"]

    page.get_by_role("link", name=case.number).click()
    panel = page.get_by_role("region", name="重办：群众反映的理由")
    assert REASON in panel.inner_text() and "上次答复" in panel.inner_text()
    actions = page.locator("section[aria-labelledby=h-actions]")
    assert panel.bounding_box()["y"] < actions.bounding_box()["y"]
    assert page.locator("section[aria-labelledby=h-answer]").count() == 0
    assert _shoot(page, shots, "reopened-case") <= PHONE["width"]


def test_the_resident_sees_the_request_is_being_handled_again(
    browser: Any, live_server: object, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    case = resolved(users)
    services.case_rate(case=case, solved=False, satisfaction="unsatisfied", comment=REASON)
    page = _phone(browser, str(live_server))
    page.goto("/follow/")
    page.fill("#id_number", case.number)
    page.fill("#id_last4", "5678")
    page.locator("main form button[type=submit]").click()
    status = page.locator(".status .handled-again")
    status.wait_for()
    assert "重办" in status.inner_text() and "正在重新办理" in status.inner_text()
    assert _shoot(page, shots, "reopened-follow") <= PHONE["width"]
