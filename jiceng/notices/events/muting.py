"""The switch that mutes every event's plans, for the demo's simulated past."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_muted: ContextVar[bool] = ContextVar("jiceng_notices_muted", default=False)


@contextmanager
def muted() -> Iterator[None]:
    """Plan nothing for the events written inside: the demo's simulated past tells nobody."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def is_muted() -> bool:
    return _muted.get()
