"""How a server process settles its interpreter once it has loaded the application.

Applied by the gunicorn hook ``post_worker_init`` (:mod:`jiceng.server`), never by an
import, so a script or a test that imports ``jiceng.wsgi`` keeps Python's defaults.
The measurements behind each setting are in bench/api/README.md, "Session 4" (cold
starts, garbage collection, switch interval):

- Python's full (oldest-generation) garbage collection walks every object the process
  holds, most of them modules, views and tables loaded once; its passes were the
  slowest requests of the run. Once loaded, those objects are moved out of the
  collector's sight (``gc.freeze``), which shortens every full pass, and the youngest
  generation is collected less often, so a request sits through fewer collections.
- A thread back from the database waits for the interpreter lock until the thread
  holding it lets go (``sys.getswitchinterval``); a case creation goes to the database
  many times, so a shorter interval lowers the creation's tail latency.

``tests/core/test_warmup.py`` checks that importing ``jiceng.wsgi`` leaves
these alone and that the hook applies them.
"""

from __future__ import annotations

import gc
import sys

SWITCH_INTERVAL = 0.001  # seconds; Python's default is 0.005
YOUNG_COLLECTION_THRESHOLD = 10_000  # new objects; Python's default is 700


def settle() -> None:
    """Freeze what is loaded, collect the youngest generation less often, switch sooner."""
    gc.collect()
    gc.freeze()
    _old, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, oldest)
    sys.setswitchinterval(SWITCH_INTERVAL)
