"""Linear SVMs: one row of coefficients per label, and scores of rows left out of training."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def linear(y: np.ndarray, x: sp.csr_matrix, c: float) -> tuple[np.ndarray, np.ndarray]:
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


def out_of_fold(x: sp.csr_matrix, y: np.ndarray, labels: list[str], c: float) -> np.ndarray | None:
    """Scores of each row by a model trained without it (3 folds); ``None`` when too few rows."""
    from sklearn.model_selection import StratifiedKFold

    folds = min(3, int(np.bincount(np.searchsorted(labels, y)).min()))
    if folds < 2 or len(labels) < 3:
        return None
    scores = np.zeros((len(y), len(labels)))
    for fit, held in StratifiedKFold(folds, shuffle=True, random_state=0).split(x, y):
        coef, intercept = linear(y[fit], x[fit], c)
        scores[held] = np.asarray(x[held] @ coef.T) + intercept
    return scores
