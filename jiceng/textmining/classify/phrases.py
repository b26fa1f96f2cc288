"""Phrases of a message: overlapping n-grams that count for a label, joined back up."""

from __future__ import annotations


def phrases(text: str, contributions: dict[str, float], n: int) -> list[str]:
    if not contributions:
        return []
    strongest = max(contributions.values())
    # Only n-grams carrying a real share of the evidence; the long tail of tiny
    # positive weights would glue whole sentences together.
    chosen = {g: v for g, v in contributions.items() if v >= 0.15 * strongest and len(g) > 1}
    covered = [0.0] * len(text)
    for gram, value in chosen.items():
        start = text.find(gram)
        while start != -1:
            for i in range(start, start + len(gram)):
                covered[i] = max(covered[i], value)
            start = text.find(gram, start + 1)
    spans: dict[str, float] = {}
    i = 0
    while i < len(text):
        if covered[i] == 0:
            i += 1
            continue
        j = i
        while j < len(text) and covered[j] > 0:
            j += 1
        phrase = text[i:j]
        spans[phrase] = max(spans.get(phrase, 0.0), sum(covered[i:j]))
        i = j
    return sorted(spans, key=lambda p: (-spans[p], p))[:n]
