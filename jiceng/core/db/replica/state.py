"""What the current request may read from the replica, and whether it wrote."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

REPLICA = "replica"  # the alias of DATABASES


@dataclass
class ReadState:
    eligible: bool = False  # a GET of a listed view, from a browser that has not just written
    used: bool = False  # something was read from the replica
    wrote: bool = False  # something was written (to the primary)


_current: ContextVar[ReadState | None] = ContextVar("jiceng_replica_reads", default=None)


def current() -> ReadState | None:
    """The request's state; None outside a request (workers, commands): primary only."""
    return _current.get()
