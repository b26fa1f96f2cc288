"""Height of the demo village's outreach list, as a cadre sees it on a phone.

Run against a served demo (``jiceng demo --scale small --no-serve`` then ``jiceng serve``):

    .venv/bin/python bench/outreach_page.py http://127.0.0.1:8765

Prints the households and items on the first page and the page's height in CSS pixels
at 390 px wide, with a full-page screenshot in the temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run"]


def main(base: str) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{base}/login/")
        page.fill("#id_username", "cadre")
        page.fill("#id_password", "jiceng-demo")
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url("**/workbench/**")
        page.goto(f"{base}/workbench/field/outreach/")
        cards = page.locator("section.card.outreach").count()
        items = page.locator("ul.outreach-items > li").count()
        height = page.evaluate("document.documentElement.scrollHeight")
        shot = Path(tempfile.gettempdir()) / "outreach-page.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"{page.url}: {cards} households, {items} items, {height} px high")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8765")
