"""Candidate phrases: the n-grams of a title's clauses, with their neighbouring characters."""

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
