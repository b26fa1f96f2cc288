"""Average-linkage clustering of message vectors (package docstring, *Grouping*, *Scale*)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

MIN_SIMILARITY = 0.2
DENSE_LIMIT = 2500
_CUT_STEP = 0.05
_CHUNK_ROWS = 2048


def similarity_graph(vectors: sp.csr_matrix, min_similarity: float) -> sp.csr_matrix:
    """Sparse matrix of the pairs whose cosine similarity reaches ``min_similarity``.

    Computed a block of rows at a time as sparse products: two messages that share
    no n-gram cost nothing, so the work follows the pairs that share one.
    """
    blocks = []
    transposed = sp.csr_matrix(vectors.T)
    for start in range(0, vectors.shape[0], _CHUNK_ROWS):
        sims = sp.csr_matrix(vectors[start : start + _CHUNK_ROWS] @ transposed)
        sims.data[sims.data < min_similarity] = 0
        sims.eliminate_zeros()
        blocks.append(sims)
    if not blocks:
        return sp.csr_matrix((0, 0))
    return sp.csr_matrix(sp.vstack(blocks, format="csr"))


def group_messages(
    vectors: sp.csr_matrix, min_similarity: float = MIN_SIMILARITY
) -> list[list[int]]:
    """Indices of messages grouped by average linkage (singletons included)."""
    return [part.tolist() for part in split_by(cluster(vectors, min_similarity))]


def cluster(vectors: sp.csr_matrix, min_similarity: float) -> np.ndarray:
    """Group label of each row: average linkage inside each connected component."""
    n = vectors.shape[0]
    labels = np.zeros(n, dtype=np.int64)
    if n == 0:
        return labels
    vectors = compact(vectors)
    graph = similarity_graph(vectors, min_similarity)
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component)
    alone = sizes[component] == 1
    labels[alone] = np.arange(int(alone.sum()))
    next_label = int(alone.sum())
    shared = np.flatnonzero(~alone)
    for members in split_by(component[shared]):
        rows = shared[members]
        for part in _linkage_parts(vectors, graph, rows, min_similarity, min_similarity):
            labels[part] = next_label
            next_label += 1
    return labels


def _linkage_parts(
    vectors: sp.csr_matrix,
    graph: sp.csr_matrix,
    rows: np.ndarray,
    min_similarity: float,
    cut: float,
) -> Iterator[np.ndarray]:
    """Average-linkage groups of the connected ``rows`` (indices into ``vectors``).

    A component too large for the exact method (``DENSE_LIMIT``) is first cut
    where its links are weakest: its pairs at ``cut`` + ``_CUT_STEP`` form smaller
    components, and so on until each piece fits.  Two pieces are then never
    merged, which can only keep apart what exact average linkage might join.
    """
    if len(rows) == 2:
        yield rows  # linked, so at least min_similarity apart
        return
    if len(rows) <= DENSE_LIMIT:
        block = compact(sp.csr_matrix(vectors[rows]))
        for part in _average_linkage((block @ block.T).toarray(), min_similarity):
            yield rows[part]
        return
    cut = cut + _CUT_STEP
    if cut >= 1.0:
        yield rows  # near-identical messages all the way
        return
    inner = sp.csr_matrix(graph[rows][:, rows])
    inner.data[inner.data < cut] = 0
    inner.eliminate_zeros()
    _, pieces = connected_components(inner, directed=False)
    for piece in split_by(pieces):
        if len(piece) == 1:
            yield rows[piece]
        else:
            yield from _linkage_parts(vectors, graph, rows[piece], min_similarity, cut)


def compact(vectors: sp.csr_matrix) -> sp.csr_matrix:
    """The same rows over the columns in use only: the hashed table has millions."""
    used, columns = np.unique(vectors.indices, return_inverse=True)
    return sp.csr_matrix(
        (vectors.data, columns.ravel(), vectors.indptr), shape=(vectors.shape[0], len(used))
    )


def split_by(labels: np.ndarray) -> list[np.ndarray]:
    """Positions holding each distinct label, by label value."""
    if not len(labels):
        return []
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return np.split(order, bounds)


def split_by_category(labels: np.ndarray, categories: Sequence[str]) -> np.ndarray:
    """Groups split by category where messages carry one: a confirmed category is the
    kind of problem, so requests of two categories are two problems however alike they read."""
    if not any(categories):
        return labels
    _, codes = np.unique(np.array(categories, dtype=str), return_inverse=True)
    pairs = labels * (int(codes.max()) + 1) + codes
    _, split = np.unique(pairs, return_inverse=True)
    return split.astype(np.int64)


def _average_linkage(sims: np.ndarray, min_similarity: float) -> list[np.ndarray]:
    distances = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - min_similarity, criterion="distance")
    return split_by(labels)
