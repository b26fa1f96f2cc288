"""Members that each read a block of columns, calibrated and added up into one linear model."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.classify.calibration import temperature
from jiceng.textmining.classify.svm import linear, out_of_fold


def ensemble(
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
        member_coef, member_intercept = linear(y, part, c)
        scores = out_of_fold(part, y, labels, c)
        t = temperature(scores, truth) if scores is not None else 1.0
        coef[:, columns] += member_coef / t
        intercept += member_intercept / t
        total = None if scores is None or total is None else total + scores / t
    return coef, intercept, temperature(total, truth) if total is not None else 1.0
