"""Each role's main screens on a 360 px phone, in a real browser, on the small demo county.

For every page: the main action is on the first screen, every tap target is at least
44 px (measured in the browser; links inside a sentence are exempt, as WCAG allows),
nothing scrolls sideways, and axe-core (vendored in ``tests/web/vendor``) finds no
serious or critical violation. Each page is photographed at 360 px and 1280 px into
``$JICENG_SCREENSHOTS`` (``JICENG_SCREENSHOTS=docs/screens`` refreshes docs/screens.md).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jiceng.cases import services
from jiceng.cases.models import Category, Channel
from jiceng.demo.loader import load_demo
from jiceng.demo.setup import DEMO_PASSWORD
from jiceng.people.models import User

from browser import MARKS, launched

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
AXE = Path(__file__).parent / "vendor" / "axe-4.14.1.min.js"
SHOTS = Path(os.environ.get("JICENG_SCREENSHOTS") or tempfile.mkdtemp(prefix="jiceng-screens-"))

pytestmark = MARKS
Page = Any

# Interactive elements smaller than 44 px; a link inside a longer sentence is exempt.
SMALL_TARGETS = """() => {
  const targets = document.querySelectorAll(
    'a[href], button, summary, select, ' +
    'input:not([type=hidden]):not([type=radio]):not([type=checkbox])'
  );
  const small = [];
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip')) continue;
    const block = el.parentElement.closest('p, li, dd, td, th, label, span');
    const inline = el.tagName === 'A' && block &&
      block.textContent.trim().length > el.textContent.trim().length + 1;
    if (inline) continue;
    if (box.height < 44 || box.width < 44) {
      const size = `${box.width.toFixed(0)}x${box.height.toFixed(0)}`;
      small.push(`${el.tagName} "${el.textContent.trim().slice(0, 30)}" ${size}`);
    }
  }
  return small;
}"""

SERIOUS_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
}"""


@pytest.fixture
def browser(live_server: object) -> Iterator[Any]:
    with launched() as running:
        yield running


@pytest.fixture
def demo(chinese: None) -> None:
    load_demo(scale="small")


class Walk:
    """One role's walk: checks each page and photographs it; collects every problem."""

    def __init__(self, browser: Any, base: str, role: str) -> None:
        # bypass_csp: axe is injected as an inline script, which the pages' CSP rightly refuses.
        context = browser.new_context(
            viewport=PHONE, base_url=base, locale="zh-CN", bypass_csp=True
        )
        self.page, self.role, self.problems = context.new_page(), role, []
        SHOTS.mkdir(parents=True, exist_ok=True)

    def login(self, username: str) -> None:
        self.page.goto("/login/")
        self.page.fill("#id_username", username)
        self.page.fill("#id_password", DEMO_PASSWORD)
        self.page.locator("main form button[type=submit]").first.click()
        self.page.wait_for_load_state()

    def check(self, url: str, name: str, main_action: str) -> None:
        page = self.page
        page.set_viewport_size(PHONE)
        page.goto(url)
        page.wait_for_load_state("networkidle")
        where = f"{self.role}/{name}"
        action = page.locator(main_action).first
        box = action.bounding_box() if action.count() else None
        if box is None or not action.is_visible() or box["y"] + box["height"] > PHONE["height"]:
            self.problems.append(f"{where}: main action {main_action!r} not on the first screen")
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > PHONE["width"]:
            self.problems.append(f"{where}: {wide}px wide at 360px")
        self.problems += [f"{where}: small target {t}" for t in page.evaluate(SMALL_TARGETS)]
        page.add_script_tag(path=str(AXE))
        self.problems += [f"{where}: axe {v}" for v in page.evaluate(SERIOUS_AXE)]
        self.shoot(name)

    def shoot(self, name: str) -> None:
        for label, size in (("360", PHONE), ("1280", DESKTOP)):
            self.page.set_viewport_size(size)
            self.page.wait_for_timeout(200)
            self.page.screenshot(path=str(SHOTS / f"{self.role}-{name}-{label}.png"))
        self.page.set_viewport_size(PHONE)


def _new_case(to: str = "", *, accept: bool = False) -> str:
    """A request from the cadre's village: waiting for dispatch, or dispatched to ``to``."""
    cadre = User.objects.select_related("unit").get(username="cadre")
    case = services.case_submit(
        category=Category.objects.get(code="transport"),
        description="村口的路灯坏了三个星期，晚上很黑，老人出门不安全。",
        division_code=cadre.unit.division_id,
        contact_phone="13912345678",
        channel=Channel.WEB,
    )
    if to:
        owner = User.objects.get(username=to)
        dispatcher = User.objects.get(username="dispatcher")
        services.case_dispatch(case=case, by=dispatcher, unit=owner.unit)
        if accept:
            services.case_accept(case=case, by=owner)
    assert case.number
    return case.number


def test_resident_on_a_phone(browser: Any, live_server: object, demo: None) -> None:
    walk = Walk(browser, str(live_server), "resident")
    walk.check("/", "home", "main a[href='/submit/']")
    walk.check("/submit/", "submit", "main fieldset input, main fieldset label")
    walk.check("/follow/", "follow", "#id_number")
    walk.check("/board/", "board", "main h1")
    walk.login("resident")
    assert "/workbench/" not in walk.page.url and walk.page.locator("main .flash").count() == 1
    walk.check(walk.page.url, "after-login", "main a[href='/submit/']")
    assert not walk.problems, "\n".join(walk.problems)


def test_dispatcher_on_a_phone(browser: Any, live_server: object, demo: None) -> None:
    walk = Walk(browser, str(live_server), "dispatcher")
    walk.login("dispatcher")
    walk.check("/workbench/", "queue", "table.queue td.num a, #queue-results .empty")
    number = _new_case()
    walk.check(f"/workbench/cases/{number}/", "case", "#intake select")  # the dispatch form
    walk.check("/workbench/desk/", "desk", "#id_description")
    assert not walk.problems, "\n".join(walk.problems)


def test_village_cadre_on_a_phone(browser: Any, live_server: object, demo: None) -> None:
    walk = Walk(browser, str(live_server), "cadre")
    walk.login("cadre")
    walk.check("/workbench/", "queue", "table.queue td.num a, #queue-results .empty")
    walk.check(f"/workbench/cases/{_new_case('cadre')}/", "case-new", ".action-now button")
    accepted = _new_case("cadre", accept=True)
    walk.check(f"/workbench/cases/{accepted}/", "case-accepted", "details.action summary")
    walk.check("/workbench/field/", "field", "main a[href='/workbench/field/visit/']")
    assert not walk.problems, "\n".join(walk.problems)


def test_township_and_department_staff_on_a_phone(
    browser: Any, live_server: object, demo: None
) -> None:
    for username in ("township", "department"):
        walk = Walk(browser, str(live_server), username)
        walk.login(username)
        walk.check("/workbench/", "queue", "table.queue td.num a, #queue-results .empty")
        assert not walk.problems, "\n".join(walk.problems)


def test_leader_on_a_phone(browser: Any, live_server: object, demo: None) -> None:
    walk = Walk(browser, str(live_server), "leader")
    walk.login("leader")
    assert walk.page.url.endswith("/dashboard/")
    walk.check("/dashboard/", "dashboard", "main .kpis, main h1")
    walk.check("/workbench/", "queue", "main h1")
    assert not walk.problems, "\n".join(walk.problems)
