"""Tripwire: statement_cursor repeats the steps of Django's own ``cursor()``.

It calls them itself to put a preparing psycopg cursor inside Django's wrapper; if a
Django upgrade changes those steps or their names, this fails before production does.
"""

from __future__ import annotations

import inspect

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper

# What BaseDatabaseWrapper.cursor() runs, in order, and statement_cursor with it.
STEPS = ("close_if_health_check_failed", "ensure_connection", "wrap_database_errors")


def _source(function: object) -> str:
    return inspect.getsource(function)  # type: ignore[arg-type]


def test_djangos_cursor_still_takes_the_steps_statement_cursor_copies():
    cursor_code = _source(BaseDatabaseWrapper._cursor)
    positions = [cursor_code.find(step) for step in STEPS]
    assert -1 not in positions and positions == sorted(positions), cursor_code
    prepare = _source(BaseDatabaseWrapper._prepare_cursor)
    for step in ("validate_thread_sharing", "queries_logged", "make_debug_cursor", "make_cursor"):
        assert step in prepare, prepare
    assert _source(BaseDatabaseWrapper.make_debug_cursor).count("CursorDebugWrapper") == 1


def test_the_methods_it_calls_keep_their_signatures():
    parameters = {
        name: list(inspect.signature(getattr(BaseDatabaseWrapper, name)).parameters)
        for name in (
            "close_if_health_check_failed",
            "validate_thread_sharing",
            "make_cursor",
        )
    }
    # ensure_connection is wrapped by async_unsafe, which hides its signature.
    assert callable(BaseDatabaseWrapper.ensure_connection)
    assert parameters == {
        "close_if_health_check_failed": ["self"],
        "validate_thread_sharing": ["self"],
        "make_cursor": ["self", "cursor"],
    }
    assert isinstance(BaseDatabaseWrapper.queries_logged, property)
    assert "use_last_executed_query" in inspect.signature(CursorDebugWrapper.debug_sql).parameters
