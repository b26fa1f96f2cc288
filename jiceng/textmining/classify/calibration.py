"""Scores to probabilities: a softmax, with a temperature fitted on out-of-fold scores."""

from __future__ import annotations

import numpy as np


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def temperature(scores: np.ndarray, truth: np.ndarray) -> float:
    """Temperature that makes softmax(score / T) honest on out-of-fold scores."""
    from scipy.optimize import minimize_scalar

    def nll(t: float) -> float:
        proba = softmax(scores / t)
        return float(-np.log(proba[np.arange(len(truth)), truth] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.01, 10.0), method="bounded").x)
