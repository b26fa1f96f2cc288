"""The documents past replies cite, proposed with the replies that cite them as sources."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from jiceng.knowledge.citing import Citing
from jiceng.knowledge.kinds import Proposal, Source, SourceKind, cited_source
from jiceng.knowledge.profiles import CitedIndex

# Once one document reaches the proposer's minimum, the others shown need only this
# much (chosen by bench/knowledge/cross_validate.py).
CITED_FLOOR = 0.05
CITING_SHOWN = 3


def cited_index(sources: Iterable[Source], neighbours: int) -> CitedIndex:
    """The documents cited by the replies of every source but a document's articles."""
    return CitedIndex(
        (
            Citing(s.key, s.title, s.question, s.answer)
            for s in sources
            if s.kind != SourceKind.DOCUMENT
        ),
        neighbours=neighbours,
    )


def cited_proposals(
    index: CitedIndex,
    sources: Mapping[str, Source],
    text: str,
    *,
    title: str,
    limit: int,
    left_out: set[str],
    min_score: float,
    floor: float,
    vote_weight: float,
) -> list[Proposal]:
    """The best documents for the question; none unless one matches by ``min_score``."""
    matches = index.query(
        text,
        title=title,
        limit=limit,
        exclude=left_out,
        floor=min(floor, min_score),
        vote_weight=vote_weight,
    )
    if not any(match.score >= min_score for match in matches):
        return []
    found = []
    for match in matches:
        citing = [sources[key] for key in match.citing[:CITING_SHOWN]]
        if citing:
            found.append(Proposal(cited_source(match, citing), match.score))
    return found
