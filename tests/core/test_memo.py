"""The per-process memo: time to live, size limit, forgetting, threads, and the registry."""

from __future__ import annotations

import itertools
import re
import threading

import pytest

import jiceng.urls  # noqa: F401  (imports the modules that declare memos)
from jiceng.core import memo
from jiceng.core.memo import Memo, store

_names = itertools.count()


def fresh(**options: object) -> Memo[object]:
    return Memo(f"test.{next(_names)}", **options)  # type: ignore[arg-type]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    ticking = Clock()
    monkeypatch.setattr(store.time, "monotonic", ticking)
    return ticking


def test_a_value_is_loaded_once_and_again_after_its_time_to_live(clock):
    kept, loads = fresh(seconds=60), []
    for _ in range(3):
        kept.get("k", lambda: loads.append(1) or len(loads))
    assert loads == [1]
    clock.now += 61
    assert kept.get("k", lambda: loads.append(1) or len(loads)) == 2


def test_a_memo_without_a_time_to_live_keeps_until_forgotten(clock):
    kept = fresh()
    kept.get("k", lambda: "first")
    clock.now += 10**9
    assert kept.get("k", lambda: "second") == "first"
    kept.forget()
    assert kept.get("k", lambda: "second") == "second"


def test_the_oldest_entry_makes_room_when_the_memo_is_full():
    kept = fresh(limit=2)
    for key in "abc":
        kept.get(key, lambda key=key: key.upper())
    assert len(kept) == 2
    assert kept.get("a", lambda: "reloaded") == "reloaded"
    assert kept.get("c", lambda: "reloaded") == "C"


def test_none_is_not_kept_when_the_memo_says_so():
    kept, loads = fresh(keep_none=False), []
    for _ in range(2):
        kept.get("unknown", lambda: loads.append(1))
    assert len(loads) == 2 and len(kept) == 0


def test_a_load_that_began_before_a_forget_is_not_stored():
    kept = fresh()

    def stale() -> str:
        kept.forget()  # an edit, and its forget, while this load ran
        return "stale"

    assert kept.get("k", stale) == "stale"
    assert kept.get("k", lambda: "fresh") == "fresh"


def test_threads_that_miss_together_all_get_the_value_stored_first():
    kept, barrier, results = fresh(), threading.Barrier(4), []

    def load() -> object:
        barrier.wait()  # all four are loading at once
        return object()

    threads = [
        threading.Thread(target=lambda: results.append(kept.get("k", load))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(value) for value in results}) == 1
    assert kept.get("k", object) is results[0]


def test_a_memoized_function_is_keyed_by_its_arguments_and_refuses_keywords():
    calls = []

    @memo.memo(f"test.{next(_names)}")
    def double(n: int) -> int:
        calls.append(n)
        return 2 * n

    assert [double(1), double(2), double(1)] == [2, 4, 2]
    assert calls == [1, 2]
    double.forget()
    double(1)
    assert calls == [1, 2, 1]
    with pytest.raises(TypeError):
        double(n=1)


def test_forget_all_empties_every_memo():
    first, second = fresh(), fresh(seconds=5)
    first.get("k", lambda: 1)
    second.get("k", lambda: 2)
    memo.forget_all()
    assert len(first) == len(second) == 0


def test_two_memos_cannot_share_a_name():
    name = f"test.{next(_names)}"
    Memo(name)
    with pytest.raises(ValueError, match=name):
        Memo(name)


def test_the_module_lists_exactly_the_memos_the_application_declares():
    assert memo.__doc__ is not None
    listed = set(re.findall(r"^  ``([a-z_.*]+)``", memo.__doc__, re.M))
    declared = {name for name in memo.registered() if not name.startswith("test.")}
    patterns = [re.compile(re.escape(name).replace(r"\*", r"\w+") + "$") for name in listed]
    assert {n for n in declared if not any(p.match(n) for p in patterns)} == set()
    assert {p.pattern for p in patterns if not any(p.match(n) for n in declared)} == set()


def test_a_change_of_settings_forgets_every_memo_so_backends_are_built_again(settings):
    kept = fresh()
    kept.get("k", lambda: "built from the old settings")
    settings.JICENG_SMS_TIMEOUT = 3
    assert kept.get("k", lambda: "built again") == "built again"
