"""A question's content n-grams: its two-character n-grams outside the stop words.

A document shares one with the question or is not proposed: in a small knowledge base
the document frequencies cannot tell that 怎么办 says nothing of the subject.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from jiceng.knowledge.ngrams import hashed
from jiceng.textmining.words import default_stop_words


def _stop_ngrams() -> np.ndarray:
    words = [w for w in default_stop_words() if len(w) <= 3 and not w.isascii()]
    return np.unique(hashed(words).indices)


_STOP = _stop_ngrams()


def content_only(asked: sp.csr_matrix, text: str) -> sp.csr_matrix:
    """``asked`` with only its two-character n-grams that are not in a stop word."""
    bigrams = np.setdiff1d(hashed([text], (2, 2)).indices, _STOP)
    content = asked.copy()
    content.data = content.data * np.isin(content.indices, bigrams)
    content.eliminate_zeros()
    return content
