"""Hashed n-grams of a text: the bucket numbers a case is indexed and looked up by."""

from __future__ import annotations

import numpy as np

from jiceng.textmining.features.ngrams import ngram_keys, prepare

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def hashed_ngrams(text: str, bits: int) -> np.ndarray:
    """Sorted distinct bucket numbers of the text's character 2- and 3-grams."""
    keys, _ = ngram_keys([prepare(text)], (2, 3))
    # Fibonacci hashing: the top bits of key × golden ratio spread packed
    # n-grams (which differ mostly in their low bits) evenly over the buckets.
    buckets = np.sort(((keys * _GOLDEN) >> np.uint64(64 - bits)).astype(np.int64))
    # np.unique hashes and is several times slower than sorting for these sizes.
    return buckets[np.r_[True, buckets[1:] != buckets[:-1]]] if len(buckets) else buckets
