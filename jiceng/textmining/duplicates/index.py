"""The index: cases stored by id, posting lists kept in levels (package docstring)."""

from __future__ import annotations

import threading
from collections.abc import Iterable

import numpy as np

from jiceng.textmining.duplicates.hashing import hashed_ngrams
from jiceng.textmining.duplicates.levels import Level
from jiceng.textmining.duplicates.search import IndexSearch

_TAIL = 128


class DuplicateIndex(IndexSearch):
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
        self._levels: list[Level] = []
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

    def _index_tail(self) -> None:
        self._levels.append(Level.build(self._features, self._indexed_end(), len(self._ids)))
        while len(self._levels) >= 2:
            older, newer = self._levels[-2], self._levels[-1]
            if newer.end - newer.start < (older.end - older.start) // 2:
                break
            self._levels[-2:] = [Level.build(self._features, older.start, newer.end)]
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
