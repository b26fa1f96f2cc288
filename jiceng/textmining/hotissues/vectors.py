"""Message vectors over hashed character n-grams (package docstring, *Scale*)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.features.ngrams import ngram_keys, prepare
from jiceng.textmining.hotissues.boilerplate import Boilerplate
from jiceng.textmining.hotissues.messages import Message

NGRAMS = (2, 3)
TEXT_CHARS = 1000
VECTOR_FEATURES = 64
COMMON_FLOOR = 1000
COMMON_SHARE = 0.01
_CHUNK_ROWS = 2048
HASH_BITS = 23
BUCKETS = 1 << HASH_BITS
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)


def grouping_texts(
    messages: Sequence[Message], boilerplate: Boilerplate
) -> tuple[list[str], list[str]]:
    """What is compared: title + text without boilerplate (its start), and the title."""
    texts = [prepare(f"{m.title} {boilerplate.clean(m.text)}")[:TEXT_CHARS] for m in messages]
    return texts, [prepare(m.title) for m in messages]


def _buckets(keys: np.ndarray) -> np.ndarray:
    """Column of each packed n-gram key: the top ``HASH_BITS`` bits of a multiplicative hash.

    A month of 100,000 messages has millions of distinct n-grams; hashing them into a
    fixed table replaces a vocabulary search (the slowest step) by one multiplication,
    and the incremental state keeps a table of counts instead of every n-gram.  Two
    n-grams sharing a bucket are rare at this size and weigh little (see *Scale*).
    """
    return (keys * _HASH_MULTIPLIER >> np.uint64(64 - HASH_BITS)).astype(np.int64)


def bucket_frequency(texts: Sequence[str]) -> np.ndarray:
    """Messages each n-gram bucket occurs in, counted a chunk of texts at a time."""
    df = np.zeros(BUCKETS, dtype=np.int32)
    for start in range(0, len(texts), _CHUNK_ROWS):
        keys, docs = ngram_keys(texts[start : start + _CHUNK_ROWS], NGRAMS)
        # Sorting beats np.unique (a hash table in numpy 2) on these sizes.
        pairs = np.sort(docs * BUCKETS + _buckets(keys))
        buckets = np.sort(pairs[np.r_[True, pairs[1:] != pairs[:-1]]] % BUCKETS)
        buckets, counts = _runs(buckets)
        df[buckets] += counts.astype(np.int32)
    return df


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    if not len(values):
        return values, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, len(values)])


def text_vectors(
    texts: Sequence[str], titles: Sequence[str], df: np.ndarray, n_docs: int
) -> sp.csr_matrix:
    """Rows of text + title TF-IDF, each cut to its ``VECTOR_FEATURES`` strongest n-grams.

    N-grams found in one message only are left out: they cannot make two messages alike.
    """
    with_titles = any(titles)
    parts = []
    for start in range(0, len(texts), _CHUNK_ROWS):
        rows = _tfidf(texts[start : start + _CHUNK_ROWS], df, n_docs)
        if with_titles:
            rows = rows + _tfidf(titles[start : start + _CHUNK_ROWS], df, n_docs)
        parts.append(_normalised(_strongest(sp.csr_matrix(rows), VECTOR_FEATURES)))
    if not parts:
        return sp.csr_matrix((0, BUCKETS), dtype=np.float32)
    return sp.csr_matrix(sp.vstack(parts, format="csr"), dtype=np.float32)


def _tfidf(texts: Sequence[str], df: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """L2-normalised rows of ``(1 + log tf) * idf``, like ``features.tfidf_rows``."""
    keys, docs = ngram_keys(texts, NGRAMS)
    columns = _buckets(keys)
    counts = df[columns]
    # Seen in one message only, an n-gram makes no two alike; in a large share of
    # them it tells no problem from another (and would make the comparison quadratic).
    seen = (counts >= 2) & (counts <= max(COMMON_FLOOR, COMMON_SHARE * n_docs))
    pairs = np.sort(docs[seen] * BUCKETS + columns[seen])
    if not len(pairs):
        return sp.csr_matrix((len(texts), BUCKETS), dtype=np.float32)
    starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    counts = np.diff(np.r_[starts, len(pairs)])
    rows, columns = np.divmod(pairs[starts], BUCKETS)
    idf = np.log((1 + n_docs) / (1 + df[columns].astype(np.float64))) + 1
    data = (1 + np.log(counts)) * idf
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(texts)))
    norms[norms == 0] = 1.0
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=len(texts)))]
    return sp.csr_matrix(
        ((data / norms[rows]).astype(np.float32), columns, indptr), shape=(len(texts), BUCKETS)
    )


def _strongest(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's ``k`` largest entries (the rest set to zero)."""
    lengths = np.diff(matrix.indptr)
    if not len(lengths) or lengths.max() <= k:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    # One sort by row, then by falling weight (weights lie in [0, 2]: text + title rows).
    order = np.argsort(rows * 4.0 - matrix.data)
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    kept = np.sort(order[rank < k])
    return sp.csr_matrix(
        (matrix.data[kept], (rows[kept], matrix.indices[kept])), shape=matrix.shape
    )


def _normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1 / norms) @ matrix)


def message_vectors(messages: Sequence[Message]) -> sp.csr_matrix:
    """L2-normalised vectors of whole text + title (see module docstring)."""
    texts, titles = grouping_texts(messages, Boilerplate())
    return text_vectors(texts, titles, bucket_frequency(texts), len(texts))
