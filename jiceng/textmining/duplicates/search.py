"""The query side of :class:`~jiceng.textmining.duplicates.index.DuplicateIndex`:
candidates from the rarest n-grams, then exact cosines."""

from __future__ import annotations

import numpy as np

from jiceng.textmining.duplicates.levels import Level


class IndexSearch:
    """Candidate search and scoring over the state :class:`DuplicateIndex` keeps."""

    _probe: int
    _candidates: int
    _df: np.ndarray
    _query_mark: np.ndarray
    _query_weight: np.ndarray
    _ids: list[str]
    _features: list[np.ndarray]
    _alive: np.ndarray
    _slot: dict[str, int]
    _levels: list[Level]
    _tail: tuple[np.ndarray, np.ndarray] | None

    def _indexed_end(self) -> int:
        return self._levels[-1].end if self._levels else 0

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
