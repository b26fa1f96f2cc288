"""``@memo``: a function's results kept in a :class:`Memo`, keyed by its arguments."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any, ParamSpec, Protocol, TypeVar, cast

from jiceng.core.memo.store import Memo

P = ParamSpec("P")
V = TypeVar("V")
V_co = TypeVar("V_co", covariant=True)


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
