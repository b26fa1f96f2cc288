"""Candidate phrases: the n-grams of a title's clauses, and overlaps between phrases."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jiceng.textmining.normalize import normalize

MIN_N, MAX_N = 2, 6
_CLAUSES = re.compile(r"[^\W_]+")
EDGE = ""  # stands for a clause boundary; every occurrence counts as a new neighbour


def clauses(text: str) -> list[str]:
    return _CLAUSES.findall(normalize(text).lower())


def ngrams(clause: str) -> Iterator[tuple[str, str, str]]:
    """(n-gram, character before, character after) for every n-gram of a clause."""
    for n in range(MIN_N, MAX_N + 1):
        for start in range(len(clause) - n + 1):
            before = clause[start - 1] if start else EDGE
            after = clause[start + n] if start + n < len(clause) else EDGE
            yield clause[start : start + n], before, after


def _overlap(a: str, b: str) -> bool:
    """Whether a and b share two consecutive characters or a is glued to b's edge.

    "城小" after "丽发新城" is the seam between two words, not a phrase.
    """
    if a[0] == b[-1] or a[-1] == b[0]:
        return True
    return any(a[i : i + 2] in b for i in range(len(a) - 1))


def without_overlaps(ranked: list[str], n: int) -> list[str]:
    chosen: list[str] = []
    for gram in ranked:
        if any(_overlap(gram, c) for c in chosen):
            continue
        chosen.append(gram)
        if len(chosen) == n:
            break
    return chosen
