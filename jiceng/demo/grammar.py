"""The template grammar of the demo texts, whose words live in ``jiceng/demo/data``.

A template holds ``{slot}`` fields. In the data files a slot is written as

- a list of alternatives, each a template itself (expanded recursively);
- ``{"int": [low, high]}``: a whole number from ``low`` to ``high``;
- ``{"money": [low, high, step]}``: an amount from ``low`` to ``high`` in steps of ``step``;
- ``{"count": [low, high]}``: a small count, in digits or in Chinese as people write it;
- ``{"draw": "name"}``: one of the draws written in code (:mod:`jiceng.demo.slots`).

Within one generated text a slot keeps the value it was first given, so a title and its
description agree on the group number, the duration, and so on. Everything is
deterministic given the ``random.Random`` passed in: the same seed yields the same texts.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jiceng.demo.numerals import chinese_numeral

DATA = Path(__file__).resolve().parent / "data"

Draw = Callable[[random.Random], str]
Slot = tuple[str, ...] | Draw
Slots = Mapping[str, Slot]

FIELD_RE = re.compile(r"\{(\w+)\}")
_MAX_DEPTH = 8


def load(name: str) -> Any:
    """The data file ``data/<name>.json``; each module reads its files once, at import."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def fields(template: str) -> list[str]:
    """The slot names a template uses."""
    return FIELD_RE.findall(template)


class Filler:
    """Expands templates against layered slot tables, remembering each slot's value."""

    def __init__(self, rng: random.Random, layers: Sequence[Slots], fixed: Mapping[str, str]):
        self.rng = rng
        self.layers = layers
        self.memo: dict[str, str] = dict(fixed)

    def fill(self, template: str, depth: int = 0) -> str:
        if depth > _MAX_DEPTH:
            raise RecursionError(f"template nesting too deep: {template!r}")

        def substitute(match: re.Match[str]) -> str:
            key = match.group(1)
            value = self.memo.get(key)
            if value is None:
                value = self.fill(self._draw(key), depth + 1)
                self.memo[key] = value
            return value

        return FIELD_RE.sub(substitute, template)

    def _draw(self, key: str) -> str:
        for layer in self.layers:
            slot = layer.get(key)
            if slot is None:
                continue
            if isinstance(slot, tuple):
                return self.rng.choice(slot)
            return slot(self.rng)
        raise KeyError(f"unknown template slot {{{key}}}")


def slots(table: Mapping[str, Any], draws: Mapping[str, Draw]) -> dict[str, Slot]:
    """A slot table read from a data file; ``draws`` are the named draws written in code."""
    return {name: _slot(name, spec, draws) for name, spec in table.items()}


def _slot(name: str, spec: Any, draws: Mapping[str, Draw]) -> Slot:
    if isinstance(spec, list):
        return tuple(spec)
    kinds: dict[str, Callable[..., Draw]] = {"int": ints, "money": money, "count": small_count}
    if isinstance(spec, dict) and len(spec) == 1:
        ((kind, args),) = spec.items()
        if kind == "draw" and args in draws:
            return draws[args]
        if kind in kinds and isinstance(args, list) and all(isinstance(a, int) for a in args):
            try:
                return kinds[kind](*args)
            except TypeError:
                pass
    raise ValueError(f"slot {name!r}: cannot read {spec!r} (see jiceng/demo/grammar.py)")


def ints(low: int, high: int) -> Draw:
    def draw(rng: random.Random) -> str:
        return str(rng.randint(low, high))

    return draw


def money(low: int, high: int, step: int) -> Draw:
    def draw(rng: random.Random) -> str:
        return str(rng.randrange(low, high + 1, step))

    return draw


def small_count(low: int, high: int) -> Draw:
    """A count written either in digits or in Chinese, as people do."""

    def draw(rng: random.Random) -> str:
        value = rng.randint(low, high)
        if rng.random() < 0.5:
            return str(value)
        return "两" if value == 2 else chinese_numeral(value)

    return draw


def undefined(
    where: str, templates: Iterable[str], layers: Sequence[Slots], fixed: set[str]
) -> list[str]:
    """Slots that ``templates``, or the alternatives they lead to, use but no layer defines."""
    missing: set[str] = set()
    seen = set(fixed)
    todo = list(templates)
    while todo:
        for name in fields(todo.pop()):
            if name in seen:
                continue
            seen.add(name)
            slot = next((layer[name] for layer in layers if name in layer), None)
            if slot is None:
                missing.add(f"{where}:{name}")
            elif isinstance(slot, tuple):
                todo.extend(slot)
    return sorted(missing)
