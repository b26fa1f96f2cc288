"""In a real browser: the intake panel of a submitted request loads by HTMX, proposes a
category, and merges into a likely duplicate after the browser's confirmation; the
quarantine releases a held request. Screenshots go to a temporary folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from jiceng.cases.models import Case, Channel, State

from browser import MARKS, launched
from factories import submit
from intake_support import BRIDGE, BRIDGE_AGAIN, SPAM_TEXT, write_tiny_model

pytestmark = MARKS


@pytest.fixture
def page(live_server: object) -> Iterator[object]:
    with launched() as browser:
        yield browser.new_page(viewport={"width": 1100, "height": 900})


def _login(page, base: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(base + "/login/")
    page.fill("#id_username", "dispatcher")
    page.fill("#id_password", "pw")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def test_the_dispatcher_merges_a_new_report_into_its_duplicate_in_one_click(
    users, live_server, page, tmp_path, settings
):
    settings.JICENG_CATEGORY_MODEL = str(write_tiny_model(tmp_path / "model.npz"))
    first = submit(users, description=BRIDGE, title="")
    again = submit(users, description=BRIDGE_AGAIN, title="")
    base = str(live_server)
    _login(page, base)
    page.goto(f"{base}/workbench/cases/{again.number}/")
    merge = page.get_by_role("button", name=f"Merge into {first.number}")
    merge.wait_for()
    assert page.locator("#intake meter").count() == 3
    shots = Path(os.environ.get("JICENG_SCREENSHOTS") or tmp_path)
    page.screenshot(path=str(shots / "intake-panel.png"), full_page=True)
    page.once("dialog", lambda dialog: dialog.accept())
    merge.click()
    page.wait_for_url(f"**/workbench/cases/{again.number}/")
    page.get_by_text(f"Merged into case {first.number}").wait_for()
    assert Case.objects.get(pk=again.pk).state == State.MERGED


def test_dismissing_the_confirmation_merges_nothing(users, live_server, page):
    first = submit(users, description=BRIDGE, title="")
    again = submit(users, description=BRIDGE_AGAIN, title="")
    base = str(live_server)
    _login(page, base)
    page.goto(f"{base}/workbench/cases/{again.number}/")
    merge = page.get_by_role("button", name=f"Merge into {first.number}")
    merge.wait_for()
    page.once("dialog", lambda dialog: dialog.dismiss())
    merge.click()
    page.wait_for_timeout(500)
    assert Case.objects.get(pk=again.pk).state == State.SUBMITTED


def test_the_dispatcher_releases_a_held_request_from_the_quarantine(users, live_server, page):
    held = submit(users, description=SPAM_TEXT, title="", channel=Channel.WEB)
    base = str(live_server)
    _login(page, base)
    page.goto(f"{base}/workbench/desk/quarantine/")
    page.get_by_role("button", name="Release: it is a real request").click()
    page.get_by_text(f"Case {held.number} is released").wait_for()
    assert Case.objects.get(pk=held.pk).state == State.SUBMITTED
