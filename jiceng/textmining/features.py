"""Character n-gram features computed with numpy instead of per-string Python loops.

Chinese has no spaces, and our training data is pre-segmented while live cases
are raw, so word features would depend on a segmenter agreeing with whoever
segmented the training set.  Character n-grams sidestep that and are the
classic strong baseline for Chinese text classification.

Speed matters (the intake path classifies thousands of messages a second), so
an n-gram is packed into one 64-bit integer instead of being materialised as a
Python string: every character becomes a 16-bit code (characters outside the
Basic Multilingual Plane, i.e. emoji and rare ideographs, share one code) and
an n-gram of up to four characters is the concatenation of its codes.  Code 0
never occurs in text, so 1-, 2-, 3- and 4-grams occupy disjoint ranges and the
packing is exact — no hashing collisions.

Before packing, a lookup table folds each character: full-width and upper-case
Latin letters and digits become half-width lower-case, and everything that is
not a letter or digit (spaces, punctuation, symbols) is dropped.  So
"A3 区 道路" (pre-segmented) and "Ａ3区道路。" (raw) give identical n-grams.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.normalize import FULLWIDTH_OFFSET, strip_html, to_simplified

MAX_N = 4
_SEPARATOR = 0
_DROP = 0xFFFF
_OUTSIDE_BMP = 0xFFFE


def prepare(text: str) -> str:
    """The part of :func:`~jiceng.textmining.normalize.normalize` that n-grams need.

    Width, case, spaces and punctuation are handled by the fold table, so only
    markup and traditional characters are dealt with here.
    """
    return to_simplified(strip_html(text))


@lru_cache(maxsize=1)
def _fold_table() -> np.ndarray:
    table = np.full(0x10000, _DROP, dtype=np.uint64)
    for code in (*range(1, 0xD800), *range(0xE000, 0x10000)):
        char = chr(code)
        if 0xFF10 <= code <= 0xFF5A and chr(code - FULLWIDTH_OFFSET).isalnum():
            char = chr(code - FULLWIDTH_OFFSET)
        if char.isalnum():
            lower = char.lower()
            table[code] = ord(lower) if len(lower) == 1 else ord(char)
    table[_SEPARATOR] = _SEPARATOR
    table[_OUTSIDE_BMP] = _OUTSIDE_BMP
    return table


def _codes(texts: Sequence[str], max_chars: int | None) -> np.ndarray:
    # Each text is terminated by code 0 so that no n-gram spans two texts.
    joined = "\0".join(t.replace("\0", "") for t in texts) + "\0"
    raw = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    raw = np.where(raw > 0xFFFF, _OUTSIDE_BMP, raw)
    folded = _fold_table()[raw]
    codes = folded[folded != _DROP]
    if max_chars is not None:
        codes = _first_chars(codes, max_chars)
    return codes


def folded_text(text: str) -> str:
    """The characters n-grams are taken from: lower-case letters and digits only."""
    codes = _codes([prepare(text)], None)
    return "".join(map(chr, codes[:-1].tolist()))


def _first_chars(codes: np.ndarray, max_chars: int) -> np.ndarray:
    is_sep = codes == _SEPARATOR
    doc_start = np.r_[0, np.flatnonzero(is_sep)[:-1] + 1]
    doc_of = np.cumsum(is_sep) - is_sep
    position = np.arange(len(codes)) - doc_start[doc_of]
    return codes[is_sep | (position < max_chars)]


def ngram_keys(
    texts: Sequence[str], ngram_range: tuple[int, int], max_chars: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Packed n-gram keys of ``texts`` and the index of the text each key came from.

    Only the first ``max_chars`` letters and digits of each text are used when
    given.  Keys of one text come out grouped by n and in text order within each n.
    """
    low, high = ngram_range
    if not 1 <= low <= high <= MAX_N:
        raise ValueError(f"ngram_range must lie within 1..{MAX_N}, got {ngram_range}")
    codes = _codes(texts, max_chars)
    is_sep = codes == _SEPARATOR
    doc_of = np.cumsum(is_sep) - is_sep
    keys_parts, docs_parts = [], []
    for n in range(low, high + 1):
        size = len(codes) - n + 1
        if size <= 0:
            continue
        key = np.zeros(size, dtype=np.uint64)
        crosses = np.zeros(size, dtype=bool)
        for offset in range(n):
            key = (key << np.uint64(16)) | codes[offset : offset + size]
            crosses |= is_sep[offset : offset + size]
        keys_parts.append(key[~crosses])
        docs_parts.append(doc_of[:size][~crosses])
    if not keys_parts:
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    return np.concatenate(keys_parts), np.concatenate(docs_parts)


def decode_key(key: int) -> str:
    """The n-gram string a packed key stands for (used to explain decisions)."""
    chars = []
    while key:
        chars.append(chr(key & 0xFFFF))
        key >>= 16
    return "".join(reversed(chars))


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
