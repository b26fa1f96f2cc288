"""Hashed n-grams of a text, and the sorted posting lists ("levels") they are looked up in."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from jiceng.textmining.features.ngrams import ngram_keys, prepare

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)

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
