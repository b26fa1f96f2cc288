"""Phrase statistics over a corpus of titles, and the keywords of a group (package docstring)."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from jiceng.textmining.keywords.grams import EDGE, clauses, ngrams
from jiceng.textmining.keywords.overlaps import without_overlaps

_DIGITS_OR_LATIN = re.compile(r"^[\da-z]+$")
_CODE_FRAGMENT = re.compile(r"[a-z]\d*[省市区县]")
_LATIN = re.compile(r"[a-z]")
MAX_DF_SHARE = 0.05
MIN_VARIETY = 2


class PhraseStats:
    """Document frequency and neighbour variety of n-grams over a corpus of titles."""

    def __init__(self, titles: Sequence[str]) -> None:
        self._grams = [{g for c in clauses(t) for g, _, _ in ngrams(c)} for t in titles]
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
            for clause in clauses(title):
                for gram, before, after in ngrams(clause):
                    if gram not in wanted:
                        continue
                    for side, char, seen in (("l", before, left), ("r", after, right)):
                        if char == EDGE:
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
        return without_overlaps(sorted(scores, key=lambda g: (-scores[g], g)), n)


def _floor(size: int) -> int:
    """Titles of a group a shared phrase must be in: 30 % of them, at least two."""
    return max(2, math.ceil(0.3 * size)) if size > 1 else 1
