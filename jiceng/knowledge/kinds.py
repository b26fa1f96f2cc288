"""What the desk proposes: a source that answers a question, with how to cite it."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.knowledge.citing import Match, citing_sentence


class SourceKind:
    DOCUMENT = "document"
    ANSWER = "answer"
    CASE = "case"
    REPLY = "reply"  # an imported past reply (PastReply)
    CITED = "cited"  # a document cited by past replies: its sources are in ``citing``


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
    citing: tuple[Source, ...] = ()  # for a cited document: the replies citing it
    number: str = ""  # for a cited document: its 文号 if a reply gave it


@dataclass(frozen=True)
class Proposal:
    source: Source
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def citable(source: Source) -> bool:
    if source.kind == SourceKind.CITED and not source.citing:
        return False
    return bool(source.citation.strip() and source.answer.strip())


def cited_source(match: Match, citing: list[Source]) -> Source:
    document = match.document
    quoted = next(filter(None, (citing_sentence(s.answer, document.key) for s in citing)), "")
    return Source(
        f"d:{document.key}",
        SourceKind.CITED,
        document.citation,
        document.title,
        "",
        quoted or citing[0].answer,
        citing=tuple(citing),
        number=document.number,
    )
