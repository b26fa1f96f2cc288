"""Character n-gram counts for the cited-document profiles, hashed to a fixed width.

The n-grams of ``textmining.features`` (letters and digits folded, punctuation dropped),
not scikit-learn's: a web process must not import it (tests/core/test_warmup.py).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.features.ngrams import ngram_keys, prepare

BITS = 20
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def hashed(texts: Sequence[str], ngrams: tuple[int, int] = (1, 2)) -> sp.csr_matrix:
    """Counts of each text's character n-grams, hashed to 2**BITS columns."""
    keys, owners = ngram_keys([prepare(t) for t in texts], ngrams)
    columns = ((keys * _GOLDEN) >> np.uint64(64 - BITS)).astype(np.int64)
    counts = sp.coo_matrix((np.ones(len(keys)), (owners, columns)), shape=(len(texts), 1 << BITS))
    return sp.csr_matrix(counts)


def weighed(counts: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    """Log term frequency times IDF, each row of unit length."""
    weights = sp.csr_matrix(counts, dtype=np.float64, copy=True)
    weights.data = np.log1p(weights.data) * idf[weights.indices]
    return unit_rows(weights)


def unit_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    """``matrix`` with each row scaled to unit length, in place."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    norms = np.sqrt(np.bincount(rows, matrix.data**2, minlength=matrix.shape[0]))
    matrix.data /= np.maximum(norms, 1e-9)[rows]
    return matrix
