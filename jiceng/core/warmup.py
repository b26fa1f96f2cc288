"""What a server process does before it takes its first request.

Measured under ``wrk`` with 8 clients creating cases; the figures are in
bench/api/README.md, "Session 4" (cold starts, garbage collection, switch interval):

- Django imports the URLconf, and with it every view, at the first request a process
  serves: seconds, paid by whoever sends it, and by every process at once right after
  ``jiceng serve`` starts. :func:`warm` imports it when the application loads, before
  the process accepts connections.
- Python's full (oldest-generation) garbage collection walks every object the process
  holds, most of them modules, views and tables loaded once; its passes were the
  slowest requests of the run. Once loaded, those objects are moved out of the
  collector's sight (``gc.freeze``), which shortens every full pass. The youngest
  generation is collected every 10,000 new objects instead of 700, which halves the
  number of collections a request sits through.
- A thread back from the database waits for the interpreter lock until the thread
  holding it lets go, by default up to 5 ms (``sys.getswitchinterval``); a case
  creation goes to the database nine times, so a shorter interval (1 ms) lowers the
  creation's tail latency.

Nothing here touches the database: connections belong to the threads that serve.
"""

from __future__ import annotations

import gc
import sys

from django.conf import settings
from django.urls import get_resolver
from django.utils import translation

SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005
YOUNG_COLLECTION_THRESHOLD = 10_000  # new objects; Python's default is 700


def warm() -> None:
    get_resolver().url_patterns  # noqa: B018 - imports the URLconf and every view
    # The gettext catalogues of every language, read from disk on first use.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Case")
    # The spam check's traditional-character table, built from OpenCC on first use.
    from jiceng.textmining.normalize import to_simplified

    to_simplified("")
    gc.collect()
    gc.freeze()
    _old, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, oldest)
    sys.setswitchinterval(SWITCH_INTERVAL)
