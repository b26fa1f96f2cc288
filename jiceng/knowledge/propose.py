"""Cited answers: the knowledge-base passages and past replies that answer a question.

A :class:`Proposer` holds sources (an article of a policy document, a vetted
answer, a resolved case with its reply), each with its citation: the
document's number and article, or a case number. A source without a citation
or without an answer is never indexed, so it can never be proposed. Matching
is :class:`~jiceng.textmining.similar.SimilarIndex` (IDF-weighted character
n-gram cosine); below :data:`MIN_SCORE` nothing is proposed and the desk says
知识库中未找到 rather than guess. The threshold and the hit rate are measured by
``bench/knowledge/evaluate.py`` (bench/knowledge/README.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from jiceng.textmining.similar import PastCase, SimilarIndex

# Below this similarity a source is not an answer (bench/knowledge/README.md).
MIN_SCORE = 0.1
PROPOSALS = 3


class SourceKind:
    DOCUMENT = "document"
    ANSWER = "answer"
    CASE = "case"


@dataclass(frozen=True)
class Source:
    """Something that can answer a question, and how to cite it."""

    key: str  # unique among the proposer's sources
    kind: str
    citation: str  # "浙人社发〔2024〕3号 第五条", or a case number
    title: str
    question: str  # the text a question is matched against
    answer: str  # what is proposed
    ref: str = ""  # the document's id or the case's number, for a link


@dataclass(frozen=True)
class Proposal:
    source: Source
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def _matched_title(source: Source) -> str:
    # Every article of a document has the document's title: matching on it would rank
    # them all alike, so an article is matched on its own opening instead.
    return "" if source.kind == SourceKind.DOCUMENT else source.title


def citable(source: Source) -> bool:
    return bool(source.citation.strip() and source.answer.strip())


class Proposer:
    """Sources searchable by resemblance to a question."""

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._sources: dict[str, Source] = {}
        self._index = SimilarIndex()
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

    def propose(
        self,
        text: str,
        *,
        title: str = "",
        limit: int = PROPOSALS,
        exclude: frozenset[str] = frozenset(),
        min_score: float = MIN_SCORE,
    ) -> list[Proposal]:
        """The best sources for the question, one per citation, best first; [] if none fits."""
        found: list[Proposal] = []
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
