"""In a real browser, in Chinese at phone width and on a desktop: the unread badge in the
header, the inbox with its unread messages marked, and opening one. Screenshots go to
``JICENG_SCREENSHOTS`` or a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from jiceng.core import clock
from jiceng.notices import outbox

from browser import MARKS, launched
from factories import dispatched, submit

pytestmark = MARKS

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def browser(live_server: object) -> Iterator[Any]:
    with launched() as running:
        yield running


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)


def _width(page: Any) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _shoot(page: Any, folder: Path, name: str) -> int:
    """Phone and desktop screenshots; the page's width at phone size."""
    page.set_viewport_size(PHONE)
    wide = _width(page)
    page.screenshot(path=str(folder / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(folder / f"{name}-desktop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    return wide


def test_the_unread_badge_leads_to_the_inbox_and_opening_a_message_reads_it(
    browser: Any, live_server: object, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    start = clock.now() - timedelta(hours=2)  # the live server runs on the real clock
    with clock.frozen_at(start):
        first = dispatched(users, title="村口路灯坏了三个星期，晚上很黑")
    with clock.frozen_at(start + timedelta(hours=1)):
        dispatched(users, title="垃圾桶满了没人清")
    page = browser.new_context(viewport=PHONE, base_url=str(live_server), locale="zh-CN").new_page()
    page.goto("/login/")
    page.fill("#id_username", "cadre")
    page.fill("#id_password", "pw")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/workbench/")

    badge = page.locator("header.top a.nav-inbox")
    assert badge.locator(".nav-count").inner_text() == "2"
    assert "2 条未读消息" in badge.aria_snapshot()  # what a screen reader says
    assert _shoot(page, shots, "inbox-badge-queue") <= PHONE["width"]

    badge.click()
    page.wait_for_url("**/workbench/inbox/")
    assert page.locator("ol.inbox > li.unread").count() == 2
    assert page.get_by_role("status").first.inner_text() == "近 30 天有 2 条未读消息"
    assert _shoot(page, shots, "inbox") <= PHONE["width"]

    page.get_by_role("button", name=f"打开工单 {first.number}").click()
    page.wait_for_url(f"**/workbench/cases/{first.number}/")
    assert page.locator("header.top .nav-count").inner_text() == "1"
    messages = page.get_by_role("region", name="通知记录")
    assert messages.locator("li").count() >= 1
    assert _shoot(page, shots, "inbox-case-messages") <= PHONE["width"]

    page.goto("/workbench/inbox/")
    page.get_by_role("button", name="全部标为已读").click()
    page.wait_for_url("**/workbench/inbox/")
    assert page.locator("ol.inbox > li.unread").count() == 0
    assert page.locator("header.top .nav-count").count() == 0
    assert _shoot(page, shots, "inbox-all-read") <= PHONE["width"]


def _login(browser: Any, base: str, username: str) -> Any:
    page = browser.new_context(viewport=PHONE, base_url=base, locale="zh-CN").new_page()
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/workbench/")
    return page


def test_the_dispatcher_calls_a_resident_the_sms_could_not_reach(
    browser: Any, live_server: object, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    with clock.frozen_at(clock.now().replace(hour=2)):  # 10:00 in Beijing: no quiet hours
        case = submit(users, contact_phone="0575-87654321")
        outbox.drain()
    page = _login(browser, str(live_server), "dispatcher")
    page.goto("/workbench/desk/")
    page.get_by_role("link", name="待回电群众（1）").click()
    page.wait_for_url("**/workbench/desk/calls/")
    call = page.locator("ol.calls > li")
    assert "不是手机号码" in call.inner_text() and "057******4321" in call.inner_text()
    assert _shoot(page, shots, "calls") <= PHONE["width"]

    page.get_by_role("button", name="显示号码以便回电").click()
    page.wait_for_url("**/workbench/desk/calls/*/reveal/")
    page.locator('a[href="tel:0575-87654321"]').wait_for()  # count() does not wait for the page
    assert page.locator('a[href="tel:0575-87654321"]').count() == 1
    assert _shoot(page, shots, "calls-number") <= PHONE["width"]
    page.get_by_role("button", name="已回电").click()
    page.wait_for_url("**/workbench/desk/calls/")
    assert page.locator("ol.calls > li").count() == 0
    assert f"工单 {case.number}：已标记为已回电。" in page.locator("#messages").inner_text()


def test_a_member_of_staff_sets_how_they_hear_of_new_messages(
    browser: Any, live_server: object, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    page = _login(browser, str(live_server), "cadre")
    page.goto("/workbench/inbox/")
    page.get_by_role("link", name="新消息提醒方式").click()
    page.fill("#id_mobile", "0575-8765")
    page.get_by_label("短信汇总").check()
    page.get_by_role("button", name="保存设置").click()
    error = page.locator("#id_mobile-error")
    assert error.inner_text().startswith("手机号码：")
    assert _shoot(page, shots, "notice-settings-error") <= PHONE["width"]
    page.fill("#id_mobile", "138 1234 5678")
    page.get_by_role("button", name="保存设置").click()
    assert page.locator("#messages").inner_text() == "提醒设置已保存。"
    assert page.locator("#id_mobile").input_value() == "13812345678"
    assert _shoot(page, shots, "notice-settings") <= PHONE["width"]
