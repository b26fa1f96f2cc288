"""A memo: values by key with a time to live and a size limit, in one registry of them all."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from django.core.signals import setting_changed

from jiceng.core.memo import shared

V = TypeVar("V")

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
        shared: bool = True,
    ) -> None:
        if name in _registry:
            raise ValueError(f"a memo named {name!r} exists already")
        self.name = name
        self._seconds = seconds
        self._limit = limit
        self._keep_none = keep_none  # False: a None result (e.g. an unknown code) is not kept
        self.shared = shared  # False: forgets are not announced to other processes (.shared)
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
        """Drop every value, here and in every other process (also a signal receiver)."""
        with self._lock:
            self._generation += 1
            self._entries.clear()
        if self.shared:
            shared.announce(self.name)


def forget_all() -> None:
    """Drop every memo's values (tests; after a restore)."""
    for kept in list(_registry.values()):
        kept.forget()


def registered() -> dict[str, Memo[object]]:
    return dict(_registry)


def shared_memos() -> dict[str, Memo[object]]:
    return {name: kept for name, kept in _registry.items() if kept.shared}


def _settings_changed(**_kwargs: object) -> None:
    forget_all()


setting_changed.connect(_settings_changed, dispatch_uid="jiceng.core.memo")
