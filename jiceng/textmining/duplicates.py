"""Incremental near-duplicate index for finding earlier cases about the same problem.

Used at intake: when a resident submits a case, the open and recent cases that
say the same thing are shown to the dispatcher, who may merge them.

Each text is reduced to the set of its character 2- and 3-grams (after
normalisation; punctuation and spaces dropped), hashed into ``2**bits``
buckets.  Similarity is the cosine of those sets weighted by IDF, where the
IDF comes from the texts currently in the index, so rare n-grams — place and
estate names, the specific problem — weigh most.

Search is two-stage so that it stays fast at 100,000 cases: the query's
``probe`` rarest n-grams pull candidates out of an inverted index (a rare
n-gram's posting list is short), then the best ``candidates`` of those are
scored exactly.  A duplicate that shares none of the query's rare n-grams is
missed; rewording rarely changes the names that make n-grams rare.

The inverted index is a few sorted arrays ("levels") of (bucket, case) pairs.
New cases go to a small unsorted tail that is scanned directly; when the tail
reaches ``_TAIL`` cases it becomes a level, and levels of similar size are
merged, so adding stays cheap (amortised O(log n) per n-gram) without ever
re-sorting the whole index on one add.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from jiceng.textmining.features import ngram_keys, prepare

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_TAIL = 128
_SLOT_BITS = 32


def hashed_ngrams(text: str, bits: int) -> np.ndarray:
    """Sorted distinct bucket numbers of the text's character 2- and 3-grams."""
    keys, _ = ngram_keys([prepare(text)], (2, 3))
    # Fibonacci hashing: the top bits of key × golden ratio spread packed
    # n-grams (which differ mostly in their low bits) evenly over the buckets.
    buckets = np.sort(((keys * _GOLDEN) >> np.uint64(64 - bits)).astype(np.int64))
    # np.unique hashes and is several times slower than sorting for these sizes.
    return buckets[np.r_[True, buckets[1:] != buckets[:-1]]] if len(buckets) else buckets


@dataclass(frozen=True)
class _Level:
    """Posting lists of the cases in slots [start, end): bucket-sorted pairs."""

    start: int
    end: int
    buckets: np.ndarray
    slots: np.ndarray

    @classmethod
    def build(cls, features: list[np.ndarray], start: int, end: int) -> _Level:
        chunk = features[start:end]
        slots = np.repeat(np.arange(start, end, dtype=np.int64), [len(f) for f in chunk])
        buckets = np.concatenate(chunk) if chunk else np.zeros(0, np.int64)
        # One sort of a combined key instead of an argsort: several times
        # faster for the millions of pairs of a large level.
        combined = np.sort((buckets << _SLOT_BITS) | slots)
        return cls(start, end, combined >> _SLOT_BITS, combined & ((1 << _SLOT_BITS) - 1))

    def hits(self, probes: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lo = np.searchsorted(self.buckets, probes, "left")
        hi = np.searchsorted(self.buckets, probes, "right")
        lengths = hi - lo
        if not lengths.any():
            return np.zeros(0, np.int64), np.zeros(0)
        positions = np.repeat(hi - lengths.cumsum(), lengths) + np.arange(lengths.sum())
        return self.slots[positions], np.repeat(weights, lengths)


class DuplicateIndex:
    """Add texts by id, then ask which stored texts a new text most resembles.

    Thread-safe.  Memory is about 25 bytes per distinct n-gram per case
    (roughly 10 kB for a typical 300-character case) plus ``9 · 2**bits`` bytes.
    """

    def __init__(self, *, bits: int = 22, probe: int = 64, candidates: int = 50) -> None:
        self._bits = bits
        self._probe = probe
        self._candidates = candidates
        self._df = np.zeros(1 << bits, dtype=np.int32)
        # Scratch tables marking the query's n-grams (and their weights) during
        # a query, so that stored n-grams are matched by one lookup each.  The
        # boolean table is a quarter of the size and so stays in cache better.
        self._query_mark = np.zeros(1 << bits, dtype=bool)
        self._query_weight = np.zeros(1 << bits, dtype=np.float32)
        self._ids: list[str] = []
        self._features: list[np.ndarray] = []
        self._alive = np.zeros(1024, dtype=bool)
        self._slot: dict[str, int] = {}
        self._levels: list[_Level] = []
        self._tail: tuple[np.ndarray, np.ndarray] | None = None
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return len(self._slot)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._slot

    def add(self, item_id: str, text: str) -> None:
        """Store ``text`` under ``item_id``; an id added again is replaced."""
        features = hashed_ngrams(text, self._bits)
        with self._lock:
            self._store(item_id, features)
            if len(self._ids) - self._indexed_end() >= _TAIL:
                self._index_tail()

    def add_many(self, items: Iterable[tuple[str, str]]) -> None:
        """Bulk load (id, text) pairs, indexing them in one pass at the end."""
        for item_id, text in items:
            features = hashed_ngrams(text, self._bits)
            with self._lock:
                self._store(item_id, features)
        with self._lock:
            if len(self._ids) > self._indexed_end():
                self._index_tail()

    def _store(self, item_id: str, features: np.ndarray) -> None:
        self.remove(item_id)
        slot = len(self._ids)
        self._slot[item_id] = slot
        self._ids.append(item_id)
        self._features.append(features)
        if slot >= len(self._alive):
            self._alive = np.concatenate([self._alive, np.zeros_like(self._alive)])
        self._alive[slot] = True
        self._df[features] += 1
        self._tail = None

    def remove(self, item_id: str) -> bool:
        """Forget ``item_id`` (a case closed or merged); ``False`` if it was not there."""
        with self._lock:
            slot = self._slot.pop(item_id, None)
            if slot is None:
                return False
            self._alive[slot] = False
            self._df[self._features[slot]] -= 1
            self._features[slot] = np.zeros(0, dtype=np.int64)
            self._tail = None
            return True

    def _indexed_end(self) -> int:
        return self._levels[-1].end if self._levels else 0

    def _index_tail(self) -> None:
        self._levels.append(_Level.build(self._features, self._indexed_end(), len(self._ids)))
        while len(self._levels) >= 2:
            older, newer = self._levels[-2], self._levels[-1]
            if newer.end - newer.start < (older.end - older.start) // 2:
                break
            self._levels[-2:] = [_Level.build(self._features, older.start, newer.end)]
        self._tail = None

    def query(self, text: str, k: int = 5, min_score: float = 0.0) -> list[tuple[str, float]]:
        """Up to ``k`` (id, cosine similarity) pairs, most similar first."""
        features = hashed_ngrams(text, self._bits)
        with self._lock:
            if not self._slot or len(features) == 0:
                return []
            weights = self._idf(features) ** 2
            self._query_weight[features] = weights
            self._query_mark[features] = True
            try:
                slots = self._candidate_slots(features, weights)
                scores = self._cosine(slots) / np.sqrt(weights.sum())
            finally:
                self._query_weight[features] = 0.0
                self._query_mark[features] = False
            order = np.argsort(-scores, kind="stable")[:k]
            return [
                (self._ids[slots[i]], float(scores[i]))
                for i in order
                if scores[i] > 0 and scores[i] >= min_score
            ]

    def _idf(self, buckets: np.ndarray) -> np.ndarray:
        return np.log((len(self._slot) + 1) / (self._df[buckets] + 1.0)) + 1.0

    def _candidate_slots(self, features: np.ndarray, weights: np.ndarray) -> np.ndarray:
        present = self._df[features] > 0
        order = np.argsort(-weights[present], kind="stable")[: self._probe]
        probes, probe_weights = features[present][order], weights[present][order]
        parts = [level.hits(probes, probe_weights) for level in self._levels]
        parts.append(self._tail_hits())
        slots = np.concatenate([p[0] for p in parts])
        if len(slots) == 0:
            return slots
        gains = np.concatenate([p[1] for p in parts])
        totals = np.bincount(slots, weights=gains, minlength=len(self._ids))
        hit = np.flatnonzero(totals)
        hit = hit[self._alive[hit]]
        return hit[np.argsort(-totals[hit], kind="stable")[: self._candidates]]

    def _tail_hits(self) -> tuple[np.ndarray, np.ndarray]:
        # The tail is small; all its n-grams are matched against the query.
        if self._tail is None:
            start = self._indexed_end()
            tail = self._features[start:]
            lengths = [len(f) for f in tail]
            self._tail = (
                np.concatenate(tail) if tail else np.zeros(0, np.int64),
                np.repeat(np.arange(start, len(self._ids)), lengths),
            )
        buckets, slots = self._tail
        hit = self._query_mark[buckets]
        return slots[hit], self._query_weight[buckets[hit]].astype(np.float64)

    def _cosine(self, slots: np.ndarray) -> np.ndarray:
        """Shared weight over the stored text's norm, for each candidate slot."""
        if len(slots) == 0:
            return np.zeros(0)
        stored = [self._features[s] for s in slots.tolist()]
        lengths = np.array([len(f) for f in stored])
        owner = np.repeat(np.arange(len(slots)), lengths)
        buckets = np.concatenate(stored)
        # Norms use today's IDF, like the query's, so a text scores 1.0 against itself.
        norms = np.sqrt(np.bincount(owner, weights=self._idf(buckets) ** 2, minlength=len(slots)))
        hit = self._query_mark[buckets]
        gains = self._query_weight[buckets[hit]].astype(np.float64)
        shared = np.bincount(owner[hit], weights=gains, minlength=len(slots))
        return shared / np.maximum(norms, 1e-12)
