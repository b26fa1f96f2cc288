"""In a phone-width browser, in Chinese: a visit with a finding, its case in the queue, a
household's data revealed with a reason, the policy list, and a nested rule previewed.

Screenshots go to a temporary folder, or to ``JICENG_SCREENSHOTS`` (e.g. docs/fieldwork)
to refresh the pictures in docs/fieldwork.md. ``JICENG_SCREENSHOT_LOCALE`` may name an
extra locale folder whose catalogue is tried first (strings not yet merged into ours).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fieldwork.households import grid, household, member
from policies.policy_data import ELDERLY, policy
from pytest_django import Settings

from jiceng.cases.models import Case
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.people.models import AccessLog, User
from jiceng.policies.services import policies_match

from browser import MARKS, launched
from factories import TIANZHU, local

pytestmark = MARKS


@pytest.fixture
def shots(tmp_path: Path, settings: Settings, chinese: None) -> Path:
    extra = os.environ.get("JICENG_SCREENSHOT_LOCALE")
    if extra:
        settings.LOCALE_PATHS = [extra, *settings.LOCALE_PATHS]
    folder = Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def page(live_server: object) -> Iterator[object]:
    with launched() as browser:
        yield browser.new_page(viewport={"width": 360, "height": 740}, locale="zh-CN")


def _login(page: object, base: str, username: str) -> None:
    page.goto(base + "/login/")  # type: ignore[attr-defined]
    page.fill("#id_username", username)  # type: ignore[attr-defined]
    page.fill("#id_password", "pw")  # type: ignore[attr-defined]
    page.locator("main form button[type=submit]").first.click()  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]


def _shot(page: object, folder: Path, name: str) -> None:
    page.screenshot(path=str(folder / f"{name}-360.png"), full_page=True)  # type: ignore[attr-defined]


def _village(users: dict[str, User]) -> dict[str, object]:
    worker = users["grid_worker"]
    home = household(address="天竺社区新街12号", worker=worker, number="0001")
    member(home, born=date(1940, 5, 1), phone="13900001111", is_household_head=True)
    poor = household(address="天竺社区后街3号", dibao=True, number="0002")
    member(poor, born=date(1978, 2, 1), name="李建国", phone="13700002222", disability=True)
    member(poor, born=date(2014, 9, 1), name="李小雨", in_school=True, left_behind_child=True)
    alone = household(address="天竺社区东街5号", number="0003")
    member(alone, born=date(1938, 1, 1), name="赵桂兰", elderly_alone=True)
    Visit.objects.create(
        by=users["cadre"],
        village_id=TIANZHU,
        place_kind=PlaceKind.HOUSEHOLD,
        household=poor,
        finding="看望",
        visited_on=date(2025, 12, 20),
        created_at=local(2025, 12, 20, 9, 0),
    )
    policy("elderly", ELDERLY, title="高龄津贴")
    policy(
        "disabled",
        {"all": [{"field": "disability", "op": "is", "value": True}]},
        title="困难残疾人生活补贴",
    )
    policies_match()
    grid(TIANZHU)
    return {"home": home, "poor": poor}


def test_a_cadre_turns_a_visit_into_a_case_and_sees_who_to_reach(
    users: dict[str, User], live_server: object, page: object, shots: Path
) -> None:
    base = str(live_server)
    made = _village(users)
    home = made["home"]
    _login(page, base, "cadre")
    page.goto(f"{base}/workbench/field/visit/?household={home.pk}")  # type: ignore[attr-defined]
    page.fill("#id_finding", "屋顶漏雨，卧室进水。")  # type: ignore[attr-defined]
    page.select_option("#id_case_category", label="住")  # type: ignore[attr-defined]
    _shot(page, shots, "visit-filled")
    page.click("form.field-form button[type=submit]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    case = Case.objects.get()
    assert case.number in page.inner_text("main")  # type: ignore[attr-defined]
    assert case.address == "天竺社区新街12号" and case.description == "屋顶漏雨，卧室进水。"
    _shot(page, shots, "home-after-visit")
    page.goto(base + "/workbench/field/coverage/")  # type: ignore[attr-defined]
    assert "东街5号" in page.inner_text("main")  # type: ignore[attr-defined]
    _shot(page, shots, "coverage")
    page.goto(base + "/workbench/field/outreach/")  # type: ignore[attr-defined]
    text = page.inner_text("main")  # type: ignore[attr-defined]
    assert "高龄津贴" in text and "困难残疾人生活补贴" in text
    _shot(page, shots, "outreach")
    page.goto(base + "/workbench/field/households/roster/")  # type: ignore[attr-defined]
    _shot(page, shots, "roster")
    # 小事不出村: a village matter found on a visit is the village's own case at once; the
    # dispatch centre sees it in its area but has nothing to do.
    page.goto(base + "/workbench/")  # type: ignore[attr-defined]
    assert case.number in page.content()  # type: ignore[attr-defined]
    page.context.clear_cookies()  # type: ignore[attr-defined]
    _login(page, base, "dispatcher")
    page.goto(base + "/workbench/")  # type: ignore[attr-defined]
    assert case.number not in page.content()  # type: ignore[attr-defined]
    page.goto(base + "/workbench/?tab=area")  # type: ignore[attr-defined]
    assert case.number in page.content()  # type: ignore[attr-defined]


def test_a_village_cadre_reveals_a_members_health_marks_with_a_reason(
    users: dict[str, User], live_server: object, page: object, shots: Path
) -> None:
    base = str(live_server)
    poor = _village(users)["poor"]
    _login(page, base, "cadre")
    page.goto(f"{base}/workbench/field/households/{poor.pk}/")  # type: ignore[attr-defined]
    main = page.locator("main")  # type: ignore[attr-defined]
    assert "13700002222" not in main.inner_text() and "137****2222" in main.inner_text()
    card = main.locator("section.card").first
    for field, reason in (("phone", "约上门时间"), ("health", "申请残疾人补贴")):
        row = card.locator(f"form:has(input[name=field][value={field}])")
        card.locator(f"details:has(input[name=field][value={field}]) summary").click()
        row.locator("input[name=reason]").fill(reason)
        row.locator("button[type=submit]").click()
        page.wait_for_load_state()  # type: ignore[attr-defined]
        card = page.locator("main section.card").first  # type: ignore[attr-defined]
    assert card.locator("strong.clear").count() == 1  # only the last one asked for
    _shot(page, shots, "household-revealed")
    logged = list(AccessLog.objects.order_by("at", "id").values_list("field", "reason"))
    assert logged == [("phone", "约上门时间"), ("health", "申请残疾人补贴")]


def test_a_policy_author_previews_a_rule_with_a_group_in_brackets(
    users: dict[str, User], live_server: object, page: object, shots: Path
) -> None:
    base = str(live_server)
    _village(users)
    _login(page, base, "admin")  # an administrator may author any policy's rule
    page.goto(base + "/workbench/field/policies/elderly/rule/")  # type: ignore[attr-defined]
    page.fill("#id_form-1-value", "")  # type: ignore[attr-defined]
    page.select_option("#id_form-1-field", value="")  # type: ignore[attr-defined]
    page.fill("#id_form-0-value", "18")  # type: ignore[attr-defined]
    page.select_option("#id_g0-combine", value="any")  # type: ignore[attr-defined]
    for index, field in enumerate(("dibao", "disability")):
        page.select_option(f"#id_g0c-{index}-field", value=field)  # type: ignore[attr-defined]
        page.select_option(f"#id_g0c-{index}-op", value="is")  # type: ignore[attr-defined]
        page.fill(f"#id_g0c-{index}-value", "yes")  # type: ignore[attr-defined]
    page.click("button[value=preview]")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    status = page.locator("section[role=status]")  # type: ignore[attr-defined]
    # Only the 低保 family's disabled father matches: a health rule shows a rounded total only.
    assert "<5" in status.locator("h2").inner_text()
    assert "残疾" in status.inner_text()  # the rule in words, for its author
    assert "健康" in status.inner_text() and "村" not in status.locator("ul").inner_text()
    page.screenshot(path=str(shots / "rule-preview-360.png"))  # type: ignore[attr-defined]
