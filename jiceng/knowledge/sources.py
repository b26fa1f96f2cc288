"""The desk's proposals for a case: built from the knowledge base and resolved cases.

Sources: articles of documents, vetted answers and past replies of the county's
knowledge base, and the county's resolved cases; the documents their replies cite
are proposed with them as sources (``propose.py``).

One :class:`~jiceng.knowledge.propose.Proposer` per county and process, kept by
``core.memo`` for five minutes and forgotten when a document or vetted answer is saved:
a case resolved meanwhile is proposed from the next build on.
"""

from __future__ import annotations

from django.db.models import Q

from jiceng.cases.models import Case, State
from jiceng.core import pii
from jiceng.core.memo import memo
from jiceng.knowledge import shown
from jiceng.knowledge.articles import citation
from jiceng.knowledge.models import Passage, PastReply
from jiceng.knowledge.propose import Proposal, Proposer, Source, SourceKind
from jiceng.people.models import User
from jiceng.places.codes import code_range

# The newest resolved cases of a county that are searched for similar ones.
RESOLVED_CASES = 20_000


def _in_county(county: str) -> Q:
    return Q(scope__in=["", county[:2], county[:4]]) | Q(scope__startswith=county)


def _reply_sources(county: str) -> list[Source]:
    rows = PastReply.objects.filter(_in_county(county)).values_list(
        "pk", "reference", "title", "question", "reply"
    )
    return [
        Source(f"r{pk}", SourceKind.REPLY, reference, title, question, reply, str(pk))
        for pk, reference, title, question, reply in rows
    ]


def _passage_sources(county: str) -> list[Source]:
    passages = Passage.objects.filter(_in_county(county)).select_related("document", "answer__case")
    found = []
    for passage in passages:
        if passage.document is not None:
            document = passage.document
            title, ref = document.title, str(document.pk)
            cited, kind, question = (
                citation(document.number, passage.article),
                SourceKind.DOCUMENT,
                passage.text,
            )
        else:
            assert passage.answer is not None
            cited = ref = passage.answer.case.number or ""
            kind, title, question = (
                SourceKind.ANSWER,
                passage.answer.case.title,
                passage.answer.question,
            )
        found.append(Source(f"p{passage.pk}", kind, cited, title, question, passage.text, ref))
    return found


def _case_sources(county: str) -> list[Source]:
    rows = (
        Case.objects.filter(
            code_range("division_id", county), state__in=(State.RESOLVED, State.CLOSED)
        )
        .exclude(answer="")
        .order_by("-resolved_at")
        .values_list("number", "title", "description", "answer")[:RESOLVED_CASES]
    )
    return [
        Source(
            f"c{number}",
            SourceKind.CASE,
            number or "",
            title,
            pii.mask_text(text),
            pii.mask_text(answer),
            number or "",
        )
        for number, title, text, answer in rows
    ]


@memo("knowledge.proposers", seconds=300.0, limit=100)
def proposer(county: str) -> Proposer:
    return Proposer([*_passage_sources(county), *_reply_sources(county), *_case_sources(county)])


def forget() -> None:
    proposer.forget()


def for_text(
    user: User, text: str, *, county: str, title: str = "", exclude: str = ""
) -> list[Proposal]:
    """Proposals for a question, keeping only the past cases the user may see."""
    proposals = proposer(county).propose(text, title=title, exclude=frozenset({exclude} - {""}))
    return shown.linked(shown.visible(user, proposals), scope=_in_county(county))


def for_case(user: User, case: Case) -> list[Proposal]:
    return for_text(
        user,
        case.description,
        county=case.division_id[:6],
        title=case.title,
        exclude=case.number or "",
    )
