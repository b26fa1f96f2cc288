"""What every browser test shares: Debian's chromium, headless, fetching nothing."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox inside containers; no updates, no first-run pages, nothing from the network.
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
# A live server needs real transactions; serialized rollback keeps content types intact
# for the next test (a plain flush would recreate them under new ids).
MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@contextmanager
def launched() -> Iterator[Any]:
    """A running Chromium; skips the test where Playwright is not installed."""
    # The live server's ORM calls come from Playwright's event loop thread.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()
