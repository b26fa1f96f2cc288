"""Ranking cited documents: the nearest past cases vote for what their replies cite.

A document's profile (profiles.py) says how like the question its citing cases are
taken together; a document that several of the question's nearest past cases cite
outranks one cited by a single near case. Each of the :data:`NEIGHBOURS` cases most
like the question (question and reply, cosine) gives its similarity to every
document its reply cites; the rank is the profile cosine plus :data:`VOTE_WEIGHT`
times these votes. Both constants were chosen by 5-fold cross-validation on 附件4
(bench/knowledge/cross_validate.py, bench/knowledge/README.md "Session 9").
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
    if neighbours < len(likeness):
        nearest = np.argpartition(-likeness, neighbours)[:neighbours]
    else:
        nearest = np.arange(len(likeness))
    return np.asarray(cited_by[nearest].T @ likeness[nearest]).ravel()


def distinct(
    ranked: Sequence[int], citing: Callable[[int], frozenset[int]], limit: int
) -> list[int]:
    """The first ``limit`` documents of ``ranked``, skipping any cited by exactly the same
    cases as one already taken: it would show the same replies again."""
    taken: list[int] = []
    seen: set[frozenset[int]] = set()
    for column in ranked:
        cases = citing(column)
        if cases in seen:
            continue
        seen.add(cases)
        taken.append(column)
        if len(taken) == limit:
            break
    return taken
