"""The sorted posting lists ("levels") that hashed n-grams are looked up in."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_SLOT_BITS = 32


@dataclass(frozen=True)
class Level:
    """Posting lists of the cases in slots [start, end): bucket-sorted pairs."""

    start: int
    end: int
    buckets: np.ndarray
    slots: np.ndarray

    @classmethod
    def build(cls, features: list[np.ndarray], start: int, end: int) -> Level:
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
