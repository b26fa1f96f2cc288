"""In a real browser at phone size, in Chinese: the rating link from the SMS opens the follow page
on the rating form, with the unit's progress reply and the choice to stop text messages.
Screenshots go to ``JICENG_SCREENSHOTS`` or a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from jiceng.cases import services
from jiceng.cases.models import Rating
from jiceng.notices import outbox
from jiceng.notices.models import Message

from browser import MARKS, launched
from factories import accepted

pytestmark = MARKS

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)


def test_the_rating_link_opens_the_rating_form_at_phone_size(
    live_server: Any, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    case = accepted(users)
    services.case_reply(case=case, by=users["cadre"], reply="已联系供电所，灯泡周三到货后更换。")
    services.case_resolve(case=case, by=users["cadre"], answer="已更换路灯灯泡，当晚恢复照明。")
    link = urlsplit(outbox.wording(Message.objects.get(template="case_resolved"))["link"]).path
    with launched() as browser:
        context = browser.new_context(viewport=PHONE, base_url=str(live_server), locale="zh-CN")
        page = context.new_page()
        page.goto(link)
        form = page.locator("#rate")
        form.wait_for()
        assert "您的问题解决了吗" in form.inner_text()
        assert form.locator("input[name=solved]").count() == 2
        assert page.evaluate("window.scrollY") > 0  # opened on the form, not the page's top
        assert "已联系供电所" in page.locator(".timeline").inner_text()
        assert page.get_by_role("button", name="停止短信通知").is_visible()
        wide = int(page.evaluate("document.documentElement.scrollWidth"))
        page.screenshot(path=str(shots / "link-rate-phone.png"), full_page=True)
        page.screenshot(path=str(shots / "link-rate-phone-first-screen.png"))
        assert wide <= PHONE["width"]

        page.locator(".choices.two label").first.click()
        page.locator(".choices.three label").first.click()
        page.locator("#rate button[type=submit]").click()
        page.locator(".flash").wait_for()
        page.screenshot(path=str(shots / "link-rated-phone.png"), full_page=True)
        assert page.locator("#rate.rated").is_visible()
        context.close()
    assert Rating.objects.get(case=case).source == "link"
