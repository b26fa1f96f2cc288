"""Training: a character SVM and a word SVM, each calibrated, added up into one linear model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jiceng.textmining.classify.ensemble import ensemble
from jiceng.textmining.classify.model import Model
from jiceng.textmining.classify.reading import HEAD_CHARS, model_text
from jiceng.textmining.classify.rows import stack
from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf
from jiceng.textmining.stop_words import default_stop_words


def train(
    texts: Sequence[str],
    labels: Sequence[str],
    *,
    c: float = 1.0,
    descriptions: Sequence[tuple[str, str]] = (),
) -> Model:
    """Fit a classifier on raw or pre-segmented texts with one label each.

    ``descriptions`` are (text, label) pairs that say what a label covers, such as
    the names of its sub-categories in the official category system; they are
    trained on like messages. Those of labels no message carries are ignored.
    """
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    y = np.asarray([str(label).strip() for label in labels])
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise ValueError("training needs at least two different labels")
    known = [(t, label.strip()) for t, label in descriptions if label.strip() in classes]
    texts = [*texts, *(t for t, _ in known)]
    y = np.asarray([*y.tolist(), *(label for _, label in known)])
    stop_words = default_stop_words()
    prepared = [model_text(t, stop_words) for t in texts]
    chars = [p.chars for p in prepared]
    body = NgramTfidf(ngram_range=(1, 2), min_df=2).fit(chars)
    head = NgramTfidf(ngram_range=(1, 2), min_df=2, max_chars=HEAD_CHARS).fit(chars)
    words = WordTfidf(min_df=2).fit([p.words for p in prepared])
    x = stack(body, head, words, prepared)
    # Columns: body n-grams | title n-grams | words. One member reads the characters
    # (body + title), the other the words (title + words).
    head_from, words_from = len(body.vocabulary), len(body.vocabulary) + len(head.vocabulary)
    members = [slice(0, words_from), slice(head_from, x.shape[1])]
    coef, intercept, temperature = ensemble(x, y, classes, members, c)
    return Model(
        labels=classes,
        body=body,
        head=head,
        words=words,
        stop_words=stop_words,
        coef=np.asarray(coef, dtype=np.float32),
        intercept=np.asarray(intercept, dtype=np.float32),
        temperature=temperature,
    )
