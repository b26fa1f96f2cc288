"""A message's feature row: body n-grams, title n-grams and words side by side."""

from __future__ import annotations

from collections.abc import Sequence

import scipy.sparse as sp

from jiceng.textmining.classify.reading import ModelText
from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf

HEAD_WEIGHT = 0.5
WORD_WEIGHT = 1.0


def stack(
    body: NgramTfidf, head: NgramTfidf, words: WordTfidf, prepared: Sequence[ModelText]
) -> sp.csr_matrix:
    chars = [p.chars for p in prepared]
    return sp.hstack(
        [
            body.transform(chars),
            HEAD_WEIGHT * head.transform(chars),
            WORD_WEIGHT * words.transform([p.words for p in prepared]),
        ],
        format="csr",
    )
