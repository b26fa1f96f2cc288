"""Phrases that overlap: two candidates sharing characters are one phrase cut twice."""

from __future__ import annotations


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
