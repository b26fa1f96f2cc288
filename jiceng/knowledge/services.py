"""Writes to the knowledge base: saving a document, vetting an answer. Each reindexes itself."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, Kind, State
from jiceng.cases.permissions import can_see
from jiceng.cases.search import stored_tokens
from jiceng.core import clock, pii
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.knowledge import articles, sources
from jiceng.knowledge.models import Document, Passage, VettedAnswer
from jiceng.people.models import Role, User


def _tokens(*texts: str) -> str:
    return stored_tokens(" ".join(texts))


def _check_dates(document: Document) -> None:
    if document.expires_on is not None and document.expires_on < document.effective_from:
        raise InvalidInput(
            _("The expiry date must not be before the effective date."), field="expires_on"
        )
    if not document.full_text.strip():
        raise InvalidInput(_("The full text is required."), field="full_text")


@transaction.atomic
def document_save(*, document: Document) -> Document:
    """Save a document and rebuild its passages: one per article (or paragraph)."""
    _check_dates(document)
    document.updated_at = clock.now()
    document.save()
    document.passages.all().delete()
    Passage.objects.bulk_create(
        Passage(
            document=document,
            article=label,
            position=position,
            text=text,
            scope=document.scope,
            tokens=_tokens(document.title, document.number, document.issuing_body, text),
        )
        for position, (label, text) in enumerate(articles.articles(document.full_text))
    )
    transaction.on_commit(sources.forget)
    return document


def _vettable(case: Case, by: User) -> None:
    if by.role != Role.DISPATCHER or not can_see(by, case):
        raise NotAllowed(_("Only a dispatcher of the case's area may approve its answer."))
    if case.kind != Kind.CONSULTATION or case.state not in (State.RESOLVED, State.CLOSED):
        raise InvalidInput(_("Only the answer of a resolved consultation can be approved."))
    if not case.answer.strip():
        raise InvalidInput(_("This consultation has no answer to approve."), field="answer")


@transaction.atomic
def answer_approve(*, case: Case, by: User) -> VettedAnswer:
    """A dispatcher approves a resolved consultation's answer for reuse by the desk.

    Phone and ID numbers are masked out of what is kept: the answer is shown on other cases.
    """
    _vettable(case, by)
    if VettedAnswer.objects.filter(case=case).exists():
        raise InvalidInput(_("This answer is already in the knowledge base."))
    question = pii.mask_text(f"{case.title}\n{case.description}".strip())
    answer = pii.mask_text(case.answer)
    vetted = VettedAnswer.objects.create(
        case=case,
        question=question,
        answer=answer,
        division_code=case.division_id,
        approved_by=by,
        approved_at=clock.now(),
    )
    Passage.objects.create(
        answer=vetted, text=answer, scope=case.division_id[:6], tokens=_tokens(question, answer)
    )
    transaction.on_commit(sources.forget)
    return vetted
