"""A pool of worker processes that read the same database as the one that starts them.

For work that one Python process cannot keep up with (``verify-history --jobs``). The
workers are spawned, not forked: a forked child would share the parent's open connection
and could end the parent's transaction with its own. Each one sets Django up and points
its connection where the parent's points: the settings it was given, the test database
under pytest included. Nothing of Django's is imported here at module level, because a
spawned process unpickles :func:`start` before Django is set up.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Any


def pool(workers: int, alias: str, database: dict[str, Any]) -> ProcessPoolExecutor:
    """``workers`` processes whose connection ``alias`` uses ``database`` (the parent's
    ``connection.settings_dict``), in the parent's environment (production, development
    or test: under pytest it is told from the command line, which a worker does not have)."""
    from django.conf import settings

    environ = {
        "JICENG_ENV": settings.JICENG_ENV,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "jiceng.settings"),
    }
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=start,
        initargs=(alias, dict(database), environ),
    )


def start(alias: str, database: dict[str, Any], environ: dict[str, str]) -> None:
    os.environ.update(environ)
    import django

    django.setup()
    from django.db import connections

    connections[alias].settings_dict.update(database)
