"""Residents' comments when they rate a resolved request (``data/ratings.json``)."""

from __future__ import annotations

import random

from jiceng.demo import grammar, slots

SATISFACTION_LEVELS: tuple[str, ...] = ("satisfied", "basically", "unsatisfied")

_DATA = grammar.load("ratings")
_COMMENTS: dict[str, dict[str, list[str]]] = _DATA["comments"]
_SLOTS = slots.table(_DATA["slots"])


def rating_comment(rng: random.Random, *, satisfied: str, solved: bool) -> str:
    """A resident's comment with a rating; sometimes empty when satisfied."""
    if satisfied not in SATISFACTION_LEVELS:
        raise ValueError(f"satisfied must be one of {SATISFACTION_LEVELS}, got {satisfied!r}")
    if satisfied == "satisfied" and rng.random() < 0.3:
        return ""
    filler = grammar.Filler(rng, (_SLOTS, slots.COMMON), {})
    return filler.fill(rng.choice(_COMMENTS[satisfied]["solved" if solved else "unsolved"]))


def undefined_slots() -> list[str]:
    """Slots a comment uses that no table it is filled against defines."""
    comments = [text for pools in _COMMENTS.values() for pool in pools.values() for text in pool]
    return grammar.undefined("ratings", comments, (_SLOTS, slots.COMMON), set())
