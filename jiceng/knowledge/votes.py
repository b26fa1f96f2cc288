"""Each of a question's nearest past cases votes for the documents its reply cites.

Constants chosen by 5-fold cross-validation (bench/knowledge/README.md, "Session 9").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import scipy.sparse as sp

NEIGHBOURS = 40
VOTE_WEIGHT = 0.25


def votes(
    likeness: np.ndarray, cited_by: sp.csr_matrix, left_out: Sequence[int], neighbours: int
) -> np.ndarray:
    """Per document, the summed likeness of the nearest cases whose replies cite it."""
    likeness = np.maximum(likeness, 0.0)
    likeness[list(left_out)] = 0.0
    nearest = np.argsort(-likeness, kind="stable")[:neighbours]
    return np.asarray(cited_by[nearest].T @ likeness[nearest]).ravel()


def distinct(
    ranked: Sequence[int], citing: Callable[[int], frozenset[int]], limit: int
) -> list[int]:
    """The first ``limit`` of ``ranked``, skipping any cited by the same cases as one taken."""
    taken: dict[frozenset[int], int] = {}  # the first document of each set of cases
    for column in ranked:
        taken.setdefault(citing(column), column)
        if len(taken) == limit:
            break
    return list(taken.values())
