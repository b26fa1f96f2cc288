"""Characters folded and packed into 64-bit n-gram keys (package docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np

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
