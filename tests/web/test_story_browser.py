"""The whole story in a real browser, on the small demo county, in the default language.

A resident reports from a phone, the dispatcher dispatches at a desk, the village cadre
accepts and resolves on a phone, the resident rates "unsatisfied" and the case comes back
to the cadre; the dashboard's figures move accordingly. Every main page is photographed at
phone and desktop width into ``$JICENG_SCREENSHOTS`` (default test-artifacts/screenshots,
git-ignored) and checked for sideways scrolling at phone width.
"""

from __future__ import annotations

import os
import re
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from jiceng.cases.models import OPEN_STATES, Case, CaseEvent, EventKind, Rating
from jiceng.core import clock
from jiceng.demo.loader import load_demo
from jiceng.demo.setup import DEMO_PASSWORD
from jiceng.insights.rollups.refresh import refresh as refresh_rollups
from jiceng.people.models import User

from browser import MARKS, launched

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("JICENG_SCREENSHOTS", ROOT / "test-artifacts" / "screenshots"))
PHONE_NUMBER = "13912345678"

pytestmark = MARKS

Page = Any  # playwright's Page; imported lazily so that collection works without it


@pytest.fixture
def browser(live_server: object) -> Iterator[Any]:
    with launched() as running:
        yield running


@pytest.fixture
def demo(chinese: None) -> dict[str, Any]:
    load_demo(scale="small")
    cadre = User.objects.select_related("unit__division__parent").get(username="cadre")
    village = cadre.unit.division
    return {"cadre": cadre, "village": village, "township": village.parent}


class Camera:
    """Full-page screenshots at both widths; remembers pages that scroll sideways on a phone."""

    def __init__(self) -> None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.overflowing: list[str] = []

    def shoot(self, page: Page, name: str) -> None:
        before = page.viewport_size
        for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
            page.set_viewport_size(size)
            page.wait_for_timeout(400)  # the charts redraw 150 ms after a resize
            wide = page.evaluate("document.documentElement.scrollWidth")
            if label == "phone" and wide > PHONE["width"]:
                self.overflowing.append(f"{name} ({wide}px)")
            page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(before)


def _context(browser: Any, base: str, size: dict[str, int]) -> Page:
    # A phone or PC bought in China asks for Chinese (Chromium's own default is en-US).
    return browser.new_context(viewport=size, base_url=base, locale="zh-CN").new_page()


def _login(page: Page, username: str) -> None:
    page.goto("/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/(workbench|dashboard)/"))


def _figures(page: Page, township: str, village: str) -> dict[str, str]:
    """The village's row of the dashboard ranking for this month, keyed by column header."""
    page.goto(f"/dashboard/?month={clock.now():%Y-%m}&area={township}")
    headers = page.locator("#ranking table thead th").all_inner_texts()
    row = page.locator("#ranking table tbody tr", has=page.locator(f"th:text-is('{village}')"))
    cells = row.locator("th, td").all_inner_texts()
    backlog = page.locator("#backlog table tbody tr", has=page.locator(f"th:text-is('{village}')"))
    figures = dict(zip(headers, cells, strict=True))
    figures["open"] = backlog.locator("td").first.inner_text()
    return figures


def _number(text: str) -> float:
    found = re.search(r"[\d.]+", text)
    return float(found[0]) if found else 0.0


def _pair(text: str) -> tuple[float, float]:
    """The x and n of an "x/n" count cell."""
    part, whole = text.split("/")
    return float(part), float(whole)


def _png(width: int = 64, height: int = 48) -> bytes:
    """A small, valid, plain red PNG: the photo a resident takes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xb3\x26\x1e" * width for _row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _submit_from_a_phone(page: Page, camera: Camera, demo: dict[str, Any]) -> str:
    page.goto("/")
    camera.shoot(page, "portal-home")
    page.goto("/submit/")
    page.locator("form.report button[type=submit]").click()  # empty: errors beside fields
    page.wait_for_selector("#error-summary")
    camera.shoot(page, "portal-submit-errors")
    page.click("label:has(input[name=category][value=dispute])")
    page.fill("#id_description", "邻居装修每晚十点以后还在电钻施工，已经两周，影响老人休息。")
    assert page.locator("#description-error").is_hidden()  # corrected, no longer red
    page.select_option("#id_township", demo["township"].code)
    page.wait_for_selector(f"#id_village option[value='{demo['village'].code}']", state="attached")
    page.select_option("#id_village", demo["village"].code)
    page.fill("#id_address", "新街 12 号")
    page.fill("#id_phone", PHONE_NUMBER)
    page.set_input_files(
        "#id_photo", {"name": "noise.png", "mimeType": "image/png", "buffer": _png()}
    )
    camera.shoot(page, "portal-submit")
    page.locator("form.report button[type=submit]").click()
    page.wait_for_selector("#case-number")
    camera.shoot(page, "portal-submitted")
    return str(page.inner_text("#case-number")).strip()


def _loaded_width(image: Any, seconds: float = 10.0) -> int:
    """The image's natural width once it has loaded.

    Polled from Python: ``page.wait_for_function`` with a string needs ``eval`` in the page,
    which the Content-Security-Policy (rightly) forbids.
    """
    image.wait_for()
    deadline = time.monotonic() + seconds
    while not image.evaluate("img => img.complete && img.naturalWidth > 0"):
        assert time.monotonic() < deadline, "the photo did not load"
        time.sleep(0.05)
    return int(image.evaluate("img => img.naturalWidth"))


def _dispatch_at_the_desk(page: Page, camera: Camera, number: str, unit_id: int) -> None:
    _login(page, "dispatcher")
    camera.shoot(page, "workbench-queue-dispatcher")
    page.goto("/workbench/desk/")
    camera.shoot(page, "workbench-desk")
    page.goto(f"/workbench/cases/{number}/")
    # The resident's photo shows as a thumbnail, served to staff only (CSP allows 'self').
    assert _loaded_width(page.locator("ul.photos img")) == 64
    # One way to dispatch is offered open: the intake suggestions (category and unit in one
    # step); the plain dispatch waits, closed, under "What you can do".
    assert not page.locator("#id_dispatch-unit").is_visible()
    page.select_option("#id_intake-unit", str(unit_id))
    camera.shoot(page, "workbench-case-dispatch")
    page.locator("form:has(#id_intake-unit) button[type=submit]").click()
    page.wait_for_selector("#case-main .badge.state-dispatched")
    assert page.evaluate("document.activeElement.classList.contains('flash')")


def _accept_and_resolve_on_a_phone(page: Page, camera: Camera, number: str) -> None:
    _login(page, "cadre")
    assert number in page.inner_text("main")
    camera.shoot(page, "workbench-queue-cadre")
    page.goto(f"/workbench/cases/{number}/")
    page.locator("form[action$='/accept/'] button[type=submit]").click()
    page.wait_for_selector("#case-main .badge.state-accepted")
    camera.shoot(page, "workbench-case-accepted")
    page.fill("#id_resolve-answer", "已上门协调，装修队承诺晚上八点后停止施工。")
    page.locator("form[action$='/resolve/'] button[type=submit]").click()
    page.wait_for_selector("#case-main .badge.state-resolved")


def _rate_unsatisfied(page: Page, camera: Camera, number: str) -> None:
    page.goto("/follow/")
    camera.shoot(page, "portal-follow")
    page.fill("#id_number", number)
    page.fill("#id_last4", PHONE_NUMBER[-4:])
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("input[name=satisfaction]", state="attached")
    camera.shoot(page, "portal-case-resolved")
    page.click("label:has(input[name=solved][value=no])")
    page.click("label:has(input[name=satisfaction][value=unsatisfied])")
    page.fill("#id_comment", "晚上还是很吵。")
    page.locator("main form[action$='/rate/'] button[type=submit]").click()
    page.wait_for_load_state()
    # After the full reload, focus is on the confirmation so that it is read out.
    assert page.evaluate("document.activeElement.matches('#messages .flash')")
    camera.shoot(page, "portal-case-reopened")


def test_a_request_travels_from_resident_to_cadre_and_back_and_the_dashboard_follows(
    browser: Any, live_server: object, demo: dict[str, Any]
) -> None:
    base, camera = str(live_server), Camera()
    township, village = demo["township"].code, demo["village"].name
    leader = _context(browser, base, DESKTOP)
    _login(leader, "leader")
    before = _figures(leader, township, village)

    resident = _context(browser, base, PHONE)
    number = _submit_from_a_phone(resident, camera, demo)
    _dispatch_at_the_desk(_context(browser, base, DESKTOP), camera, number, demo["cadre"].unit_id)
    cadre = _context(browser, base, PHONE)
    _accept_and_resolve_on_a_phone(cadre, camera, number)
    _rate_unsatisfied(resident, camera, number)
    assert "不满意" in resident.inner_text("main") or "重新办理" in resident.inner_text("main")

    # Back in the cadre's queue, reopened.
    case = Case.objects.get(number=number)
    assert case.state in OPEN_STATES and case.owner_id == demo["cadre"].unit_id
    assert CaseEvent.objects.filter(case=case, kind=EventKind.REOPEN).exists()
    assert Rating.objects.get(case=case).satisfaction == "unsatisfied"
    cadre.goto("/workbench/")
    assert number in cadre.inner_text("#queue-results")
    cadre.goto(f"/workbench/cases/{number}/")
    camera.shoot(cadre, "workbench-case-reopened")

    # The rates read rollups that the worker refreshes every few minutes: run its task.
    refresh_rollups()
    after = _figures(leader, township, village)
    camera.shoot(leader, "dashboard-township")
    leader.goto("/dashboard/")
    camera.shoot(leader, "dashboard-county")
    with translation.override("zh-hans"):
        clocks, solved = _("Answered in time / clocks"), _("Solved / rated")
        satisfaction, resolution = _("Satisfaction rate"), _("Resolution rate")
    # The dispatch and the reopening each start a response clock of the village; only the
    # first was answered (accepted) in time. One rating, "not solved" and "unsatisfied".
    assert _pair(after[clocks]) == tuple(
        a + b for a, b in zip(_pair(before[clocks]), (1, 2), strict=True)
    )
    rated_before, rated_after = _pair(before[solved])[1], _pair(after[solved])[1]
    assert rated_after == rated_before + 1
    assert _number(after["open"]) == _number(before["open"]) + 1
    for rate in (satisfaction, resolution):
        if rated_before == 0:
            assert before[rate] != after[rate] and _number(after[rate]) == 0, rate
        elif _number(before[rate]) > 0:
            assert _number(after[rate]) < _number(before[rate]), rate

    resident.goto("/board/")
    camera.shoot(resident, "portal-board")
    resident.goto("/login/")
    camera.shoot(resident, "login")
    cadre.goto("/workbench/field/")
    camera.shoot(cadre, "field-home")
    assert camera.overflowing == [], f"pages scroll sideways at 360 px: {camera.overflowing}"


def test_the_language_switch_goes_from_chinese_to_english_and_back(
    browser: Any, live_server: object, org: object, chinese: None
) -> None:
    page = _context(browser, str(live_server), PHONE)
    page.goto("/submit/")
    assert page.get_attribute("html", "lang") == "zh-Hans" and "反映问题" in page.inner_text("h1")
    switch = page.locator("form.lang button")
    assert _lines(switch) == 1, "the switch must not wrap at 360 px"
    switch.click()
    page.wait_for_selector("html[lang=en]")
    assert page.url.endswith("/submit/") and "Report a problem" in page.inner_text("h1")
    page.locator("form.lang button").click()
    page.wait_for_selector("html[lang=zh-Hans]")
    assert "反映问题" in page.inner_text("h1")


def _lines(locator: Any) -> int:
    """How many lines the element's text takes."""
    script = "e => { const r = document.createRange(); r.selectNodeContents(e); "
    script += "return new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }"
    return int(locator.evaluate(script))


def _tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element is focused, as a keyboard user would."""
    for _attempt in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_a_resident_submits_a_request_with_the_keyboard_only(
    browser: Any, live_server: object, org: object
) -> None:
    page = _context(browser, str(live_server), PHONE)
    page.goto("/submit/")
    _tab_to(page, "input[name=category]")
    # Arrow keys move the choice within the group of category tiles.
    first = page.evaluate("document.activeElement.value")
    page.keyboard.press("ArrowRight")
    chosen = page.evaluate("document.activeElement.value")
    assert chosen != first and page.is_checked(f"input[name=category][value={chosen}]")
    _tab_to(page, "#id_description")
    page.keyboard.type("小区门口的路灯坏了，晚上很黑。")
    _tab_to(page, "#id_township")
    page.keyboard.press("ArrowDown")  # the first township; its villages load
    page.wait_for_selector("#id_village option:nth-child(2)", state="attached")
    _tab_to(page, "#id_village")
    page.keyboard.press("ArrowDown")
    _tab_to(page, "#id_phone")
    page.keyboard.type(PHONE_NUMBER)
    page.keyboard.press("Enter")
    page.wait_for_selector("#case-number")
    case = Case.objects.get(number=page.inner_text("#case-number").strip())
    assert case.category.code == chosen and case.description.startswith("小区门口的路灯")
    assert page.get_attribute("html", "lang") == "zh-Hans"
