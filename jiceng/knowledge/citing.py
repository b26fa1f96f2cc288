"""The policy documents a reply cites: 《title》, with its document number when given.

Replies name the same document in several ways (《中华人民共和国社会保险法》 and
《社会保险法》, with or without "（试行）"), so a cited document is known by a key
that drops those differences; the way it was first written is kept for display.
Forms, certificates and the message board itself (《问政西地省》) are not policies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CITED = re.compile(
    r"《([^《》]{4,40})》\s*(?:[（(]\s*([^（）()]{1,20}〔\d{4}〕\s*\d+\s*号)\s*[）)])?"
)
_NOT_POLICIES = re.compile(r"问政|证$|书$|合同$|通知书|登记表|申请表")
# A name that says only what kind of document it is identifies none.
_GENERIC = re.compile(r"^(实施细则|实施办法|实施方案|管理办法|管理规定|若干规定|工作方案)$")
_TRIAL = re.compile(r"[（(](试行|暂行|修订|修正)[）)]$")


@dataclass(frozen=True)
class CitedDocument:
    key: str  # what replies citing the same document have in common
    title: str  # as first written
    number: str  # 文号, "" when the reply gives none

    @property
    def citation(self) -> str:
        return f"《{self.title}》（{self.number}）" if self.number else f"《{self.title}》"


@dataclass(frozen=True)
class Citing:
    """A past case whose reply cites documents: its key, question and reply."""

    key: str
    title: str
    question: str
    reply: str


@dataclass(frozen=True)
class Match:
    document: CitedDocument
    score: float
    citing: tuple[str, ...]  # keys of the citing cases, most like the question first


def document_key(title: str) -> str:
    """The name without spaces, the state's full name in front, or "（试行）" behind."""
    key = re.sub(r"\s+", "", title)
    key = key.removeprefix("中华人民共和国")
    return _TRIAL.sub("", key)


def cited_documents(reply: str) -> list[CitedDocument]:
    """The policy documents ``reply`` names, each once, in the order they first appear."""
    found: dict[str, CitedDocument] = {}
    for match in _CITED.finditer(reply):
        title = re.sub(r"\s+", "", match.group(1))
        key = document_key(title)
        if _NOT_POLICIES.search(title) or _GENERIC.match(key):
            continue
        number = re.sub(r"\s+", "", match.group(2) or "")
        known = found.get(key)
        if known is None or (number and not known.number):
            found[key] = CitedDocument(key, known.title if known else title, number)
    return list(found.values())


def citing_sentence(reply: str, key: str, limit: int = 300) -> str:
    """The sentence of ``reply`` that names the document: what the proposal quotes."""
    for sentence in re.split(r"(?<=[。；！？\n])", reply):
        if any(document_key(t) == key for t in re.findall(r"《([^《》]{4,40})》", sentence)):
            return sentence.strip()[:limit]
    return ""
