"""The kept grouping of a county's month: built from scratch, added to, stored."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.hotissues import placement, state
from jiceng.textmining.hotissues.boilerplate import Boilerplate, find_boilerplate
from jiceng.textmining.hotissues.clustering import (
    MIN_SIMILARITY,
    cluster,
    split_by,
    split_by_category,
)
from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.hotissues.vectors import bucket_frequency, grouping_texts, text_vectors


@dataclass
class Grouping:
    """Messages grouped into problems, kept so that new messages can be placed later.

    Build one with :meth:`build` (the nightly full regroup), add the hour's new
    messages with :meth:`place`, persist it with :meth:`to_bytes` (an ``.npz`` of
    plain arrays, read back without pickles by :meth:`from_bytes`).  ``labels[i]``
    is the group of message ``ids[i]``; a message alone is a group of one.
    """

    ids: list[str]
    categories: list[str]
    labels: np.ndarray  # group of each message, int64
    vectors: sp.csr_matrix  # L2-normalised rows over the n-gram buckets (_buckets)
    df: np.ndarray  # messages (of n_docs) each n-gram bucket occurs in, int32
    n_docs: int
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    min_similarity: float = MIN_SIMILARITY

    @classmethod
    def build(cls, messages: Sequence[Message], min_similarity: float = MIN_SIMILARITY) -> Grouping:
        """Group ``messages`` from scratch (see the module docstring, *Scale*)."""
        boilerplate = find_boilerplate(messages)
        texts, titles = grouping_texts(messages, boilerplate)
        df = bucket_frequency(texts)
        vectors = text_vectors(texts, titles, df, len(texts))
        labels = cluster(vectors, min_similarity)
        labels = split_by_category(labels, [m.category for m in messages])
        return cls(
            ids=[m.id for m in messages],
            categories=[m.category for m in messages],
            labels=labels,
            vectors=vectors,
            df=df,
            n_docs=len(messages),
            boilerplate=boilerplate,
            min_similarity=min_similarity,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def group_sizes(self) -> np.ndarray:
        """Size of each group that has members (groups of one included)."""
        sizes = np.bincount(self.labels) if len(self.labels) else np.zeros(0, np.int64)
        return sizes[sizes > 0]

    def groups(self, min_size: int = 1) -> list[list[int]]:
        """Row indices of the members of each group of at least ``min_size``."""
        if not len(self.labels):
            return []
        if min_size > 1:
            big = np.flatnonzero(np.bincount(self.labels) >= min_size)
            rows = np.flatnonzero(np.isin(self.labels, big))
            return [rows[part].tolist() for part in split_by(self.labels[rows])]
        return [part.tolist() for part in split_by(self.labels)]

    def remove(self, ids: Iterable[str]) -> int:
        """Drop messages (deleted, or quarantined as spam since); their groups shrink."""
        gone = set(ids)
        keep = np.array([i not in gone for i in self.ids], dtype=bool)
        dropped = int((~keep).sum())
        if dropped:
            self.ids = [i for i, k in zip(self.ids, keep.tolist(), strict=True) if k]
            self.categories = [c for c, k in zip(self.categories, keep.tolist(), strict=True) if k]
            self.labels = self.labels[keep]
            self.vectors = sp.csr_matrix(self.vectors[keep])
        return dropped

    def place(self, messages: Sequence[Message]) -> int:
        """Put messages not grouped yet into existing groups, or into new ones.

        A message joins the group of its category whose closest members it resembles
        most on average, when that average reaches ``min_similarity`` — the test
        average linkage applies to every merge, here between the message and the
        part of the group it is nearest (:mod:`.placement`).  Otherwise it starts a group
        of its own, which later messages can join.
        Returns how many messages were placed.
        """
        return placement.place(self, messages)

    def to_bytes(self) -> bytes:
        """The grouping as an ``.npz`` archive of plain arrays (:mod:`.state`)."""
        return state.to_bytes(self)

    @classmethod
    def from_bytes(cls, blob: bytes) -> Grouping:
        """A grouping stored by :meth:`to_bytes`; :class:`~.state.StateError` if unreadable."""
        return cls(**state.fields_from_bytes(blob))
