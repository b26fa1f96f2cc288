"""Per-process memos, with one registry so that everything kept can be forgotten at once.

Where each kind of cached value lives:

- **Django's cache** (each process's memory by default; Redis, shared by every node,
  when ``JICENG_REDIS_URL`` is set): plain data that is worth sharing between nodes,
  pickled: the public rates board (``insights.board``), the dashboard's settled months
  (``insights.dashboard``) and the Open311 lists.
- **This module**: Python objects built from reference data (model instances, compiled
  queries, indexes, a loaded model) and read on hot paths. They cannot be pickled
  cheaply, and a round trip to Redis would cost about what the query they save costs.
  Each process may be a little behind another, bounded by the memo's time to live, or
  not at all when the key holds everything the value is built from:

  =========================== ================================== =========================
  memo                        holds                              fresh because
  =========================== ================================== =========================
  ``core.calendar``           holidays and make-up workdays      60 s; forgotten on edits
  ``people.intake_routes``    a village and its dispatch centre  300 s; forgotten when a
                                                                 division or unit is saved
  ``cases.township_names``    township names for the search      300 s (renames are rare)
                              index
  ``cases.category_model``    the category model                 keyed by the file
  ``cases.duplicate_indexes`` each county's duplicate index      it reads new cases itself
  ``api.reference.*``         categories, time limits, counties  60 s
                              served, dispatch centres' names
  ``api.key_users``           the service user behind an API key keyed by every column
                                                                 scoping reads
  ``api.page_queries``        compiled case-list queries         keyed by the scope and
                                                                 every filter
  ``notices.backends``        the channels' backends             keyed by the class's path
  ``knowledge.proposers``     each county's cited-answer sources 300 s; forgotten when a
                                                                 document or answer is saved
  =========================== ================================== =========================

- **functools.cache** stays on pure functions whose result cannot change while the
  process lives (key derivation in ``core.crypto``, parsed proxy networks, insert plans,
  the source archive, text mining's dictionaries): there is nothing to forget.

Loads run outside the lock, so a slow load holds up no other key; two threads that miss
the same key at once both load it, and both get the value stored first. A load that
began before :meth:`Memo.forget` is not stored, so a forget is never undone by a late
load. The oldest entry makes room when a memo is full. A change of settings (which only
tests make) forgets every memo, as Django resets its own caches on ``setting_changed``:
memos built from settings, such as the notice backends, are then built again.
"""

from __future__ import annotations

import functools
import math
import threading
import time
from collections.abc import Callable, Hashable
from typing import Any, Generic, ParamSpec, Protocol, TypeVar, cast

from django.core.signals import setting_changed

P = ParamSpec("P")
V = TypeVar("V")
V_co = TypeVar("V_co", covariant=True)

_registry: dict[str, Memo[object]] = {}


class Memo(Generic[V]):
    """Values by key, each kept for ``seconds`` (None: until forgotten), at most ``limit``."""

    def __init__(
        self,
        name: str,
        *,
        seconds: float | None = None,
        limit: int | None = None,
        keep_none: bool = True,
    ) -> None:
        if name in _registry:
            raise ValueError(f"a memo named {name!r} exists already")
        self.name = name
        self._seconds = seconds
        self._limit = limit
        self._keep_none = keep_none  # False: a None result (e.g. an unknown code) is not kept
        self._entries: dict[Hashable, tuple[float, V]] = {}
        self._generation = 0
        self._lock = threading.Lock()
        _registry[name] = self  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: Hashable, load: Callable[[], V]) -> V:
        """The value kept under ``key``, or ``load()``'s, kept from now on."""
        entry = self._entries.get(key)
        if entry is not None and (self._seconds is None or entry[0] > time.monotonic()):
            return entry[1]
        return self._load(key, load)

    def _load(self, key: Hashable, load: Callable[[], V]) -> V:
        generation = self._generation
        value = load()
        if value is None and not self._keep_none:
            return value
        expires = math.inf if self._seconds is None else time.monotonic() + self._seconds
        with self._lock:
            if generation != self._generation:
                return value  # forgotten while loading: what was loaded may be stale
            entry = self._entries.get(key)
            if entry is not None and entry[0] > time.monotonic():
                return entry[1]  # another thread stored it meanwhile: all share that one
            if entry is not None:
                del self._entries[key]  # expired: stored again as the newest
            elif self._limit is not None and len(self._entries) >= self._limit:
                del self._entries[next(iter(self._entries))]
            self._entries[key] = (expires, value)
        return value

    def forget(self, *_args: object, **_kwargs: object) -> None:
        """Drop every value (also usable as a signal receiver)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()


class Memoized(Protocol[P, V_co]):
    """A function whose results are kept in a :class:`Memo`, keyed by its arguments."""

    memo: Memo[Any]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> V_co: ...

    def forget(self, *_args: object, **_kwargs: object) -> None: ...


def memo(
    name: str, *, seconds: float | None = None, limit: int | None = None, keep_none: bool = True
) -> Callable[[Callable[P, V]], Memoized[P, V]]:
    """Keep a function's results by its (positional, hashable) arguments; see :class:`Memo`.

    The wrapper is a plain function, not an object with ``__call__``: a hit is one dict
    lookup and one call, which matters on the hot paths (bench/README.md).
    """

    def decorate(function: Callable[P, V]) -> Memoized[P, V]:
        kept = Memo[V](name, seconds=seconds, limit=limit, keep_none=keep_none)
        entries = kept._entries  # cleared in place by forget(), never replaced

        @functools.wraps(function)
        def cached(*args: Any) -> V:
            entry = entries.get(args)
            if entry is not None and (seconds is None or entry[0] > time.monotonic()):
                return entry[1]
            return kept._load(args, lambda: function(*args))  # type: ignore[call-arg]

        wrapper: Any = cached
        wrapper.memo, wrapper.forget = kept, kept.forget
        return cast(Memoized[P, V], wrapper)

    return decorate


def forget_all() -> None:
    """Drop every memo's values (tests; after a restore)."""
    for kept in list(_registry.values()):
        kept.forget()


def registered() -> dict[str, Memo[object]]:
    return dict(_registry)


def _settings_changed(**_kwargs: object) -> None:
    forget_all()


setting_changed.connect(_settings_changed, dispatch_uid="jiceng.core.memo")
