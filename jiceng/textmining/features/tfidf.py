"""TF-IDF rows over packed n-gram keys or whole words, with fitted vocabularies."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.features.ngrams import decode_key, ngram_keys


def document_frequency(keys: np.ndarray, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct keys and the number of documents each occurs in."""
    # A stable sort keeps equal keys in document order, so a (key, doc) pair
    # is new exactly when either differs from its predecessor.  np.unique is
    # avoided on purpose: for uint64 it is an order of magnitude slower here.
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], docs[order]
    new_key = np.ones(len(keys), dtype=bool)
    new_key[1:] = keys[1:] != keys[:-1]
    new_pair = new_key.copy()
    new_pair[1:] |= docs[1:] != docs[:-1]
    key_index = np.cumsum(new_key) - 1
    df = np.bincount(key_index[new_pair], minlength=int(new_key.sum()))
    return keys[new_key], df


def tfidf_rows(cols: np.ndarray, docs: np.ndarray, idf: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """L2-normalised rows of ``(1 + log tf) * idf`` from (document, column) occurrences.

    Built directly as CSR arrays: going through scipy's COO conversion and a
    diagonal product costs more than the rest of the pipeline for one message.
    """
    n_cols = len(idf)
    if len(cols) == 0:
        return sp.csr_matrix((n_docs, n_cols), dtype=np.float32)
    pairs = np.sort(docs.astype(np.int64) * n_cols + cols)
    starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    counts = np.diff(np.r_[starts, len(pairs)])
    rows, columns = np.divmod(pairs[starts], n_cols)
    data = (1 + np.log(counts)) * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=n_docs))
    norms[norms == 0] = 1.0
    data = (data / norms[rows]).astype(np.float32)
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=n_docs))]
    return sp.csr_matrix((data, columns, indptr), shape=(n_docs, n_cols))


@dataclass
class NgramTfidf:
    """TF-IDF over packed character n-grams with a fitted vocabulary.

    Texts should be passed through :func:`prepare` first.  Rows are
    L2-normalised; tf is ``1 + log(count)`` so that a phrase repeated ten times
    does not outweigh the rest of the message.
    """

    ngram_range: tuple[int, int] = (1, 3)
    min_df: int = 2
    max_chars: int | None = None
    vocabulary: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))

    def fit(self, texts: Sequence[str]) -> NgramTfidf:
        keys, df = document_frequency(*ngram_keys(texts, self.ngram_range, self.max_chars))
        keep = df >= self.min_df
        self.vocabulary = keys[keep]
        self.idf = (np.log((1 + len(texts)) / (1 + df[keep])) + 1).astype(np.float32)
        return self

    def columns(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Column of each key and a mask of the keys that are in the vocabulary."""
        n_cols = len(self.vocabulary)
        if n_cols == 0:
            return np.zeros(len(keys), np.int64), np.zeros(len(keys), bool)
        cols = np.searchsorted(self.vocabulary, keys)
        cols[cols >= n_cols] = 0
        return cols, self.vocabulary[cols] == keys

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        keys, docs = ngram_keys(texts, self.ngram_range, self.max_chars)
        cols, known = self.columns(keys)
        return tfidf_rows(cols[known], docs[known], self.idf, len(texts))

    def fit_transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        return self.fit(texts).transform(texts)

    def feature_name(self, column: int) -> str:
        return decode_key(int(self.vocabulary[column]))


@dataclass
class WordTfidf:
    """TF-IDF over whole words (lists of strings), weighted like :class:`NgramTfidf`."""

    min_df: int = 2
    vocabulary: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=str))
    idf: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32))

    def __post_init__(self) -> None:
        self._index: dict[str, int] | None = None

    def fit(self, docs: Sequence[Sequence[str]]) -> WordTfidf:
        df: dict[str, int] = {}
        for doc in docs:
            for word in set(doc):
                df[word] = df.get(word, 0) + 1
        kept = sorted(w for w, n in df.items() if n >= self.min_df)
        self.vocabulary = np.array(kept, dtype=str)
        counts = np.array([df[w] for w in kept], dtype=np.float64)
        self.idf = (np.log((1 + len(docs)) / (1 + counts)) + 1).astype(np.float32)
        self._index = None
        return self

    def _lookup(self) -> dict[str, int]:
        if self._index is None:
            self._index = {w: i for i, w in enumerate(self.vocabulary.tolist())}
        return self._index

    def transform(self, docs: Sequence[Sequence[str]]) -> sp.csr_matrix:
        index = self._lookup()
        cols: list[int] = []
        rows: list[int] = []
        for row, doc in enumerate(docs):
            found = [index[w] for w in doc if w in index]
            cols.extend(found)
            rows.extend([row] * len(found))
        return tfidf_rows(
            np.asarray(cols, dtype=np.int64), np.asarray(rows, dtype=np.int64), self.idf, len(docs)
        )

    def feature_name(self, column: int) -> str:
        return str(self.vocabulary[column])
