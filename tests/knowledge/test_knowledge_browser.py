"""In a real browser at phone size, in Chinese: a resident searches 政策解读 and reads a policy;
a cadre sees the cited answers on a case. Screenshots go to ``JICENG_SCREENSHOTS`` or a
temporary folder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from knowledge_data import medical_document, pension_document

from browser import MARKS, launched
from factories import submit

pytestmark = MARKS
PHONE = {"width": 375, "height": 812}
DESK = {"width": 1280, "height": 900}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    return Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)


def test_a_resident_finds_a_policy_and_reads_it_in_plain_words_on_a_phone(
    live_server: Any, places: Any, chinese: None, shots: Path
) -> None:
    pension_document()
    medical_document()
    with launched() as browser:
        context = browser.new_context(viewport=PHONE, base_url=str(live_server), locale="zh-CN")
        page = context.new_page()
        page.goto("/policies/")
        page.fill("#id_q", "养老金")
        page.locator("form[role=search] button").click()
        page.wait_for_url("**/policies/?q=*")
        page.screenshot(path=str(shots / "policies-search-phone.png"), full_page=True)
        assert "医疗保险缴费办法" not in page.content()
        page.get_by_role("link", name="诸暨市城乡居民基本养老保险实施办法").click()
        page.locator("h1").wait_for()
        assert "白话解读" in page.content() and "年满60岁、交满15年" in page.content()
        wide = int(page.evaluate("document.documentElement.scrollWidth"))
        page.screenshot(path=str(shots / "policy-document-phone.png"), full_page=True)
        assert wide <= PHONE["width"]
        context.close()


def test_a_cadre_sees_cited_answers_on_the_case_page(
    live_server: Any, users: dict[str, Any], chinese: None, shots: Path
) -> None:
    pension_document()
    medical_document()
    case = submit(
        users,
        category="social_security",
        description="我父亲年满60周岁了，累计缴费满15年，能不能按月领取养老金？",
    )
    with launched() as browser:
        context = browser.new_context(viewport=DESK, base_url=str(live_server), locale="zh-CN")
        context.add_cookies(
            [{"name": "sessionid", "value": _session(users["cadre"]), "url": str(live_server)}]
        )
        page = context.new_page()
        page.goto(f"/workbench/cases/{case.number}/")
        answers = page.locator(".knowledge-answers")
        answers.wait_for()
        assert "诸人社发〔2025〕12号 第二条" in answers.inner_text()
        page.screenshot(path=str(shots / "case-cited-answers.png"), full_page=True)
        context.close()


def _session(user: Any) -> str:
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
