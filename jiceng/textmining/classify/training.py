"""Training: a linear SVM with balanced class weights, and a fitted temperature."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.classify.model import Model
from jiceng.textmining.classify.reading import HEAD_CHARS, model_text, softmax, stack
from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf
from jiceng.textmining.words import default_stop_words

if TYPE_CHECKING:
    from sklearn.svm import LinearSVC


def _svm(y: np.ndarray, x: sp.csr_matrix, c: float) -> LinearSVC:
    from sklearn.svm import LinearSVC

    # Balanced class weights: the score that matters is macro-F1, where a small
    # category (交通运输) counts as much as the biggest one.
    return LinearSVC(C=c, class_weight="balanced", dual="auto", max_iter=5000).fit(x, y)


def _fit_temperature(x: sp.csr_matrix, y: np.ndarray, labels: list[str], c: float) -> float:
    """Temperature that makes softmax(score / T) honest on out-of-fold scores."""
    from scipy.optimize import minimize_scalar
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.svm import LinearSVC

    folds = min(3, int(np.bincount(np.searchsorted(labels, y)).min()))
    if folds < 2 or len(labels) < 3:
        return 1.0
    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    scores = cross_val_predict(
        LinearSVC(C=c, class_weight="balanced", dual="auto", max_iter=5000),
        x,
        y,
        cv=cv,
        method="decision_function",
    )
    truth = np.searchsorted(labels, y)

    def nll(t: float) -> float:
        proba = softmax(scores / t)
        return float(-np.log(proba[np.arange(len(y)), truth] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.01, 10.0), method="bounded").x)


def train(texts: Sequence[str], labels: Sequence[str], *, c: float = 1.0) -> Model:
    """Fit a classifier on raw or pre-segmented texts with one label each."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    y = np.asarray([str(label).strip() for label in labels])
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise ValueError("training needs at least two different labels")
    stop_words = default_stop_words()
    prepared = [model_text(t, stop_words) for t in texts]
    chars = [p.chars for p in prepared]
    body = NgramTfidf(ngram_range=(1, 2), min_df=2).fit(chars)
    head = NgramTfidf(ngram_range=(1, 2), min_df=2, max_chars=HEAD_CHARS).fit(chars)
    words = WordTfidf(min_df=2).fit([p.words for p in prepared])
    x = stack(body, head, words, prepared)
    svm = _svm(y, x, c)
    coef, intercept = svm.coef_, svm.intercept_
    if len(classes) == 2:
        # A binary SVM has one score s for the second class; [-s/2, s/2] makes
        # the softmax equal the logistic function of s.
        coef, intercept = np.vstack([-coef, coef]) / 2, np.r_[-intercept, intercept] / 2
    return Model(
        labels=classes,
        body=body,
        head=head,
        words=words,
        stop_words=stop_words,
        coef=np.asarray(coef, dtype=np.float32),
        intercept=np.asarray(intercept, dtype=np.float32),
        temperature=_fit_temperature(x, y, classes, c),
    )
