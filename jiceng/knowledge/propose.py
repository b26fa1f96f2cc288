"""Cited answers: the knowledge-base passages and past replies that answer a question.

A :class:`Proposer` holds sources (an article of a policy document, a vetted
answer, a resolved case with its reply), each with its citation: the
document's number and article, or a case number. A source without a citation
or without an answer is never indexed, so it can never be proposed. Matching
is :class:`~jiceng.textmining.similar.SimilarIndex` (IDF-weighted character
n-gram cosine); below :data:`MIN_SCORE` nothing is proposed and the desk says
知识库中未找到 rather than guess.

The policy documents that past replies cite are sources too
(:class:`~jiceng.knowledge.profiles.CitedIndex`): a question is matched to the
questions those documents answered, and the proposal cites the document and the
cases whose replies cite it, ranked with the votes of the nearest past cases
(:mod:`~jiceng.knowledge.votes`). Up to :data:`CITED_PROPOSALS` of them come first,
then the past cases. The threshold and the hit rate are measured by
``bench/knowledge/evaluate.py`` (bench/knowledge/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from jiceng.knowledge.cited import CITED_FLOOR, cited_index, cited_proposals
from jiceng.knowledge.kinds import Proposal, Source, SourceKind, citable
from jiceng.knowledge.profiles import CitedIndex
from jiceng.knowledge.votes import NEIGHBOURS, VOTE_WEIGHT
from jiceng.textmining.similar import PastCase, SimilarIndex

# Below these similarities a source is not an answer (bench/knowledge/README.md).
MIN_SCORE = 0.1
MIN_CITED_SCORE = 0.1
PROPOSALS = 3
CITED_PROPOSALS = 3
# Past cases shown even when documents fill the proposals: a reply that cites
# nothing may still be the best answer.
CASES_AT_LEAST = 1

__all__ = ["Proposal", "Proposer", "Source", "SourceKind", "citable"]


def _matched_title(source: Source) -> str:
    # Every article of a document has the document's title: matching on it would rank
    # them all alike, so an article is matched on its own opening instead.
    return "" if source.kind == SourceKind.DOCUMENT else source.title


class Proposer:
    """Sources searchable by resemblance to a question."""

    def __init__(self, sources: Iterable[Source] = (), *, neighbours: int = NEIGHBOURS) -> None:
        self._neighbours = neighbours
        self._sources: dict[str, Source] = {}
        self._index = SimilarIndex()
        self._refs: dict[str, set[str]] = {}
        self._cited: CitedIndex | None = None
        self.add(sources)

    def __len__(self) -> int:
        return len(self._sources)

    def add(self, sources: Iterable[Source]) -> None:
        kept = [source for source in sources if citable(source)]
        self._sources.update((source.key, source) for source in kept)
        self._index.add_many(
            PastCase(id=s.key, text=s.question, reply=s.answer, title=_matched_title(s))
            for s in kept
        )
        for source in kept:
            self._refs.setdefault(source.ref or source.key, set()).add(source.key)
        self._cited = None  # rebuilt at the next question

    def _cited_index(self) -> CitedIndex:
        if self._cited is None:
            self._cited = cited_index(self._sources.values(), self._neighbours)
        return self._cited

    def cited(
        self,
        text: str,
        *,
        title: str = "",
        limit: int,
        exclude: frozenset[str],
        min_score: float,
        floor: float = CITED_FLOOR,
        vote_weight: float = VOTE_WEIGHT,
    ) -> list[Proposal]:
        """The documents past replies cite for questions like this one, best first.

        None unless one of them matches by ``min_score``: an off-topic question gets none.
        """
        if limit <= 0:
            return []
        return cited_proposals(
            self._cited_index(),
            self._sources,
            text,
            title=title,
            limit=limit,
            left_out=set(exclude).union(*(self._refs.get(e, set()) for e in exclude)),
            min_score=min_score,
            floor=floor,
            vote_weight=vote_weight,
        )

    def propose(
        self,
        text: str,
        *,
        title: str = "",
        limit: int = PROPOSALS,
        exclude: frozenset[str] = frozenset(),
        min_score: float = MIN_SCORE,
        cited: int = CITED_PROPOSALS,
        min_cited_score: float = MIN_CITED_SCORE,
        cited_floor: float = CITED_FLOOR,
        vote_weight: float = VOTE_WEIGHT,
    ) -> list[Proposal]:
        """The best sources for the question, one per citation, best first; [] if none fits.

        First up to ``cited`` documents that past replies cite, then past cases up to
        ``limit`` proposals, and at least :data:`CASES_AT_LEAST` case if one fits.
        """
        found = self.cited(
            text,
            title=title,
            limit=min(cited, limit),
            exclude=exclude,
            min_score=min_cited_score,
            floor=cited_floor,
            vote_weight=vote_weight,
        )
        limit = max(limit, len(found) + CASES_AT_LEAST)
        seen: set[str] = set()
        for hit in self._index.query(text, k=limit * 4 + len(exclude), title=title):
            source = self._sources.get(hit.id)
            if hit.score < min_score or source is None or source.key in exclude:
                continue
            if source.citation in seen or source.ref in exclude:
                continue
            seen.add(source.citation)
            found.append(Proposal(source, hit.score))
            if len(found) == limit:
                break
        return found
