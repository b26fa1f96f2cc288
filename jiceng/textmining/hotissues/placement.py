"""New messages placed into a kept grouping (package docstring, *Scale*, last point)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.hotissues.vectors import bucket_frequency, grouping_texts, text_vectors

if TYPE_CHECKING:
    from jiceng.textmining.hotissues.grouping import Grouping

JOIN_NEIGHBOURS = 5


def place(grouping: Grouping, messages: Sequence[Message]) -> int:
    """:meth:`Grouping.place <jiceng.textmining.hotissues.grouping.Grouping.place>`."""
    known = set(grouping.ids)
    new = [m for m in messages if m.id not in known]
    if not new:
        return 0
    texts, titles = grouping_texts(new, grouping.boilerplate)
    grouping.df += bucket_frequency(texts)
    grouping.n_docs += len(texts)
    vectors = text_vectors(texts, titles, grouping.df, grouping.n_docs)
    to_old = sp.csr_matrix(vectors @ grouping.vectors.T)
    among = sp.csr_matrix(vectors @ vectors.T)
    sizes = list(np.bincount(grouping.labels).tolist()) if len(grouping.labels) else []
    old_labels, old_cats = grouping.labels, np.array(grouping.categories, dtype=str)
    new_labels = np.zeros(len(new), dtype=np.int64)
    new_cats = np.array([m.category for m in new], dtype=str)
    for i, message in enumerate(new):
        old = slice(to_old.indptr[i], to_old.indptr[i + 1])
        cols, sims = to_old.indices[old], to_old.data[old]
        same = old_cats[cols] == message.category if len(cols) else np.zeros(0, bool)
        near = slice(among.indptr[i], among.indptr[i + 1])
        earlier = among.indices[near] < i
        peers = among.indices[near][earlier]
        peer_sims = among.data[near][earlier]
        peer_same = new_cats[peers] == message.category
        groups = np.r_[old_labels[cols[same]], new_labels[peers[peer_same]]]
        weights = np.r_[sims[same], peer_sims[peer_same]]
        new_labels[i] = _best_group(groups, weights, sizes, grouping.min_similarity)
        if new_labels[i] == len(sizes):
            sizes.append(0)
        sizes[new_labels[i]] += 1
    grouping.ids += [m.id for m in new]
    grouping.categories += [m.category for m in new]
    grouping.labels = np.r_[grouping.labels, new_labels]
    grouping.vectors = sp.csr_matrix(sp.vstack([grouping.vectors, vectors]))
    return len(new)


def _best_group(
    groups: np.ndarray, weights: np.ndarray, sizes: list[int], min_similarity: float
) -> int:
    """The group whose ``JOIN_NEIGHBOURS`` closest members the message resembles most
    on average, if that reaches ``min_similarity``; else ``len(sizes)``, a new group.

    The closest members rather than all: a large group is several close-knit parts
    that average linkage joined part to part, and a new report resembles one part.
    """
    if len(groups):
        order = np.lexsort((-weights, groups))
        groups, weights = groups[order], weights[order]
        found, starts = np.unique(groups, return_index=True)
        rank = np.arange(len(groups)) - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))
        near = rank < JOIN_NEIGHBOURS
        where = np.searchsorted(found, groups[near])
        counted = np.minimum(np.asarray(sizes)[found], JOIN_NEIGHBOURS)
        average = np.bincount(where, weights=weights[near], minlength=len(found)) / counted
        best = int(np.argmax(average))
        if average[best] >= min_similarity:
            return int(found[best])
    return len(sizes)
