"""Distinctive phrases of a group of short texts (titles), found without a dictionary.

Names that matter in hot issues — estates, companies, roads ("伊景园滨河苑",
"58车贷") — are exactly the words a general dictionary lacks, and jieba cuts
them into fragments ("区丽发" / "新城").  So keywords are character n-grams
(2–6 characters) scored by how many of the group's titles contain them times
their inverse document frequency over all titles.

An n-gram only counts as a phrase if it is free on both sides: across all
titles it is preceded by at least two different characters (a clause start
counts as a new one each time) and followed by at least two different ones.  This "accessor variety"
test drops fragments such as "区丽发新城" that always follow the same "A2",
and keeps "丽发新城".  N-grams found in more than 5 % of the titles outside
the group ("问题", "投诉") say nothing about it and are skipped, and so are fragments glued
to an anonymised division code ("a市伊景园", "投诉a7县": the public data set
replaces place names with such codes).  Of overlapping phrases only the best
scoring one is kept.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from jiceng.textmining.normalize import normalize

MIN_N, MAX_N = 2, 6
_CLAUSES = re.compile(r"[^\W_]+")
_DIGITS_OR_LATIN = re.compile(r"^[\da-z]+$")
_CODE_FRAGMENT = re.compile(r"[a-z]\d*[省市区县]")
_LATIN = re.compile(r"[a-z]")
MAX_DF_SHARE = 0.05
MIN_VARIETY = 2
_EDGE = ""  # stands for a clause boundary; every occurrence counts as a new neighbour


def _clauses(text: str) -> list[str]:
    return _CLAUSES.findall(normalize(text).lower())


def _ngrams(clause: str) -> Iterator[tuple[str, str, str]]:
    """(n-gram, character before, character after) for every n-gram of a clause."""
    for n in range(MIN_N, MAX_N + 1):
        for start in range(len(clause) - n + 1):
            before = clause[start - 1] if start else _EDGE
            after = clause[start + n] if start + n < len(clause) else _EDGE
            yield clause[start : start + n], before, after


class PhraseStats:
    """Document frequency and neighbour variety of n-grams over a corpus of titles."""

    def __init__(self, titles: Sequence[str]) -> None:
        self._grams = [{g for c in _clauses(t) for g, _, _ in _ngrams(c)} for t in titles]
        self._df = Counter(g for grams in self._grams for g in grams)
        self._n = len(titles)
        self._titles = titles
        self._variety: dict[str, tuple[int, int]] = {}

    def _learn_variety(self, wanted: set[str]) -> None:
        # Neighbour sets are only gathered for candidates of the groups asked
        # about, which keeps memory small on large inputs.
        left: dict[str, set[str]] = defaultdict(set)
        right: dict[str, set[str]] = defaultdict(set)
        edges: Counter[tuple[str, str]] = Counter()
        for title in self._titles:
            for clause in _clauses(title):
                for gram, before, after in _ngrams(clause):
                    if gram not in wanted:
                        continue
                    for side, char, seen in (("l", before, left), ("r", after, right)):
                        if char == _EDGE:
                            edges[gram, side] += 1
                        elif side == "r" or not char.isascii():
                            # A letter or digit *before* a phrase is the tail of a
                            # code ("A7县星沙" gives "县星"): glued, not free.
                            seen[gram].add(char)
        for gram in wanted:
            self._variety[gram] = (
                len(left[gram]) + edges[gram, "l"],
                len(right[gram]) + edges[gram, "r"],
            )

    def _informative(self, gram: str, in_group: int) -> bool:
        # Frequency is judged outside the group: a big group's own name
        # ("伊景园滨河苑") may well be in more than 5 % of all titles.
        if _DIGITS_OR_LATIN.match(gram) or self._df[gram] - in_group > MAX_DF_SHARE * self._n:
            return False
        code = _CODE_FRAGMENT.search(gram)
        if code is not None:
            return code.group() == gram
        # A lone Latin letter next to Chinese is a cut-off code ("咨询a").
        return _LATIN.search(gram) is None or _DIGITS_OR_LATIN.match(gram) is not None

    def keywords(self, members: Sequence[int], n: int = 5) -> list[str]:
        """Up to ``n`` phrases that characterise the titles at ``members``.

        Phrases shared by several titles first; when the titles share none, the
        best phrases of any of them, so that no group goes without keywords.
        """
        return self.keywords_of([members], n)[0]

    def keywords_of(self, groups: Sequence[Sequence[int]], n: int = 5) -> list[list[str]]:
        """:meth:`keywords` of several groups, reading the titles once for all of them."""
        shared = [self._candidates(m, _floor(len(m))) for m in groups]
        self._learn_variety(set().union(*(c for c, _ in shared)) - self._variety.keys())
        found = [self._best(m, c, counts, n) for m, (c, counts) in zip(groups, shared, strict=True)]
        empty = [i for i, words in enumerate(found) if not words and len(groups[i]) > 1]
        if empty:
            single = {i: self._candidates(groups[i], 1) for i in empty}
            wanted = set().union(*(c for c, _ in single.values()))
            self._learn_variety(wanted - self._variety.keys())
            for i, (candidates, counts) in single.items():
                found[i] = self._best(groups[i], candidates, counts, n)
        return found

    def _candidates(self, members: Sequence[int], floor: int) -> tuple[set[str], Counter[str]]:
        counts = Counter(g for i in members for g in self._grams[i])
        return {g for g, c in counts.items() if c >= floor and self._informative(g, c)}, counts

    def _best(
        self, members: Sequence[int], candidates: set[str], counts: Counter[str], n: int
    ) -> list[str]:
        free = {g for g in candidates if min(self._variety[g]) >= MIN_VARIETY}
        # Titles written from one template leave no phrase free on both sides; their
        # shared n-grams still name the group better than nothing.
        scores = {
            g: counts[g] / len(members) * math.log(self._n / self._df[g]) * math.sqrt(len(g))
            for g in (free or candidates)
        }
        return _without_overlaps(sorted(scores, key=lambda g: (-scores[g], g)), n)


def _floor(size: int) -> int:
    """Titles of a group a shared phrase must be in: 30 % of them, at least two."""
    return max(2, math.ceil(0.3 * size)) if size > 1 else 1


def _overlap(a: str, b: str) -> bool:
    """Whether a and b share two consecutive characters or a is glued to b's edge.

    "城小" after "丽发新城" is the seam between two words, not a phrase.
    """
    if a[0] == b[-1] or a[-1] == b[0]:
        return True
    return any(a[i : i + 2] in b for i in range(len(a) - 1))


def _without_overlaps(ranked: list[str], n: int) -> list[str]:
    chosen: list[str] = []
    for gram in ranked:
        if any(_overlap(gram, c) for c in chosen):
            continue
        chosen.append(gram)
        if len(chosen) == n:
            break
    return chosen
