"""Training: a character SVM and a word SVM, each calibrated, added up into one linear model."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.classify.model import Model
from jiceng.textmining.classify.reading import HEAD_CHARS, model_text, softmax, stack
from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf
from jiceng.textmining.words import default_stop_words


def _linear(y: np.ndarray, x: sp.csr_matrix, c: float) -> tuple[np.ndarray, np.ndarray]:
    """Coefficients and intercepts of a linear SVM, one row per label."""
    from sklearn.svm import LinearSVC

    # Balanced class weights: the score that matters is macro-F1, where a small
    # category (交通运输) counts as much as the biggest one.
    svm = LinearSVC(C=c, class_weight="balanced", dual="auto", max_iter=5000).fit(x, y)
    coef, intercept = svm.coef_, svm.intercept_
    if coef.shape[0] == 1:
        # A binary SVM has one score s for the second class; [-s/2, s/2] makes
        # the softmax equal the logistic function of s.
        coef, intercept = np.vstack([-coef, coef]) / 2, np.r_[-intercept, intercept] / 2
    return np.asarray(coef), np.asarray(intercept)


def _out_of_fold(x: sp.csr_matrix, y: np.ndarray, labels: list[str], c: float) -> np.ndarray | None:
    """Scores of each row by a model trained without it (3 folds); ``None`` when too few rows."""
    from sklearn.model_selection import StratifiedKFold

    folds = min(3, int(np.bincount(np.searchsorted(labels, y)).min()))
    if folds < 2 or len(labels) < 3:
        return None
    scores = np.zeros((len(y), len(labels)))
    for fit, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
        coef, intercept = _linear(y[fit], x[fit], c)
        scores[held] = np.asarray(x[held] @ coef.T) + intercept
    return scores


def _temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """Temperature that makes softmax(score / T) honest on out-of-fold scores."""
    from scipy.optimize import minimize_scalar

    def nll(t: float) -> float:
        proba = softmax(scores / t)
        return float(-np.log(proba[np.arange(len(truth)), truth] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.01, 10.0), method="bounded").x)


def _ensemble(
    x: sp.csr_matrix, y: np.ndarray, labels: list[str], members: list[slice], c: float
) -> tuple[np.ndarray, np.ndarray, float]:
    """One SVM per block of columns, each scaled by its own temperature and added up.

    The sum of linear scores is linear, so the ensemble is stored and applied as one
    model. Returns its coefficients, intercepts and the temperature of the sum.
    """
    coef = np.zeros((len(labels), x.shape[1]))
    intercept = np.zeros(len(labels))
    truth = np.searchsorted(labels, y)
    total: np.ndarray | None = np.zeros((len(y), len(labels)))
    for columns in members:
        part = sp.csr_matrix(x[:, columns])
        member_coef, member_intercept = _linear(y, part, c)
        scores = _out_of_fold(part, y, labels, c)
        t = _temperature(scores, truth) if scores is not None else 1.0
        coef[:, columns] += member_coef / t
        intercept += member_intercept / t
        total = None if scores is None or total is None else total + scores / t
    return coef, intercept, _temperature(total, truth) if total is not None else 1.0


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
    coef, intercept, temperature = _ensemble(x, y, classes, members, c)
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
