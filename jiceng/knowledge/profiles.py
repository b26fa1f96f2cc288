"""Cited documents found by the questions that past replies citing them answered.

Each policy document named in a past reply (:mod:`~jiceng.knowledge.citing`) gets a
profile: the centroid of the cases that cite it, each case its question (title counted
twice) and, at half weight, its reply, as character 1–2-gram counts weighted by log-TF
× IDF to unit length. Each case weighs the same, so a document cited by many long
replies is not drawn to whatever they say most. A new question is matched to the
profiles by cosine, and the documents are ranked by that cosine plus the
votes of the question's nearest past cases (:mod:`~jiceng.knowledge.votes`). A
question's own case is left out of every profile and vote (``exclude``), so a case
never proposes the document of its own reply. Measured by
``bench/knowledge/evaluate.py`` (bench/knowledge/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import scipy.sparse as sp

from jiceng.knowledge.citing import CitedDocument, Citing, Match, cited_documents
from jiceng.knowledge.content import content_only
from jiceng.knowledge.ngrams import hashed, unit_rows, weighed
from jiceng.knowledge.votes import NEIGHBOURS, VOTE_WEIGHT, distinct, votes

REPLY_WEIGHT = 0.5


def _question(title: str, text: str) -> str:
    return f"{title}{title}{text}"


class CitedIndex:
    def __init__(self, cases: Iterable[Citing], *, neighbours: int = NEIGHBOURS) -> None:
        self._neighbours = neighbours
        documents: dict[str, CitedDocument] = {}
        column: dict[str, int] = {}
        rows: list[int] = []
        columns: list[int] = []
        kept: list[Citing] = []
        for case in cases:
            cited = cited_documents(case.reply)
            for document in cited:
                first = documents.setdefault(document.key, document)
                if document.number and not first.number:
                    documents[document.key] = document
                rows.append(len(kept))
                columns.append(column.setdefault(document.key, len(column)))
            if cited:
                kept.append(case)
        self._documents = list(documents.values())
        self._cases = kept
        self._slot = {case.key: i for i, case in enumerate(kept)}
        questions = hashed([_question(c.title, c.question) for c in kept])
        items = questions + REPLY_WEIGHT * hashed([c.reply for c in kept])
        cites = sp.csr_matrix(
            (np.ones(len(rows)), (rows, columns)), shape=(len(kept), len(self._documents))
        )
        self._cited_by = cites  # row: the documents a case cites
        self._cites = cites.tocsc()  # column: the cases citing a document
        seen = np.asarray((questions > 0).sum(axis=0)).ravel()
        self._idf = np.log((len(kept) + 1) / (seen + 1)) + 1
        # Stored n-gram by row, so that a query reads only the rows of its own n-grams.
        self._questions = sp.csr_matrix(self._weigh(questions).T)
        self._items = self._weigh(items)  # each case's question and reply, unit length
        self._asked_and_replied = sp.csr_matrix(self._items.T)
        self._profiles = sp.csr_matrix(unit_rows(sp.csr_matrix(cites.T @ self._items)).T)

    def __len__(self) -> int:
        return len(self._documents)

    def _weigh(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        return weighed(counts, self._idf)

    def query(
        self,
        text: str,
        *,
        title: str = "",
        limit: int = 3,
        exclude: Iterable[str] = (),
        floor: float = 0.0,
        vote_weight: float = VOTE_WEIGHT,
    ) -> list[Match]:
        """The documents best for this question, best first (votes.py says how they rank).

        A document is a candidate if its profile shares a content n-gram with the
        question and its cosine (the match's score) is above ``floor``.
        """
        if not self._documents:
            return []
        asked = self._weigh(hashed([_question(title, text)]))
        content = content_only(asked, f"{title}\n{text}")
        scores = self._profiles[asked.indices].T @ asked.data
        shares = np.zeros(len(self._documents), dtype=bool)
        shares[self._profiles[content.indices].indices] = True
        scores[~shares] = 0.0
        left_out = [self._slot[key] for key in exclude if key in self._slot]
        for slot in left_out:
            for column in self._cited_by[slot].indices:
                scores[column] = self._rescore(column, left_out, asked, content)
        near = self._asked_and_replied[asked.indices].T @ asked.data
        ranks = scores + vote_weight * votes(near, self._cited_by, left_out, self._neighbours)
        candidates = np.flatnonzero((scores > 0) & (scores >= floor))
        ranked = candidates[np.argsort(-ranks[candidates], kind="stable")]
        best = distinct(ranked.tolist(), lambda c: self._citing(c, left_out), limit)
        likeness = self._questions[asked.indices].T @ asked.data
        return [self._match(c, float(scores[c]), likeness, left_out) for c in best]

    def _citing(self, column: int, left_out: list[int]) -> frozenset[int]:
        return frozenset(self._cites[:, column].indices.tolist()) - set(left_out)

    def _rescore(
        self, column: int, left_out: list[int], asked: sp.csr_matrix, content: sp.csr_matrix
    ) -> float:
        remaining = [s for s in self._cites[:, column].indices if s not in left_out]
        if not remaining:
            return 0.0
        chosen = sp.csr_matrix(
            (np.ones(len(remaining)), ([0] * len(remaining), remaining)),
            shape=(1, len(self._cases)),
        )
        profile = unit_rows(sp.csr_matrix(chosen @ self._items))
        if not np.isin(content.indices, profile.indices, assume_unique=True).any():
            return 0.0
        _, mine, theirs = np.intersect1d(
            profile.indices, asked.indices, assume_unique=True, return_indices=True
        )
        return float(profile.data[mine] @ asked.data[theirs])

    def _match(self, column: int, score: float, likeness: np.ndarray, left_out: list[int]) -> Match:
        slots = [int(s) for s in self._cites[:, column].indices if s not in left_out]
        ranked = [slots[i] for i in np.argsort(-likeness[slots], kind="stable")]
        return Match(self._documents[column], score, tuple(self._cases[s].key for s in ranked))
