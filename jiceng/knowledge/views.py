"""Staff pages of the knowledge base: search, a document, and the desk's cited answers."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases.models import Kind
from jiceng.core import clock
from jiceng.core.errors import JicengError
from jiceng.knowledge import search, services, sources
from jiceng.knowledge.articles import citation
from jiceng.knowledge.citing import cited_documents
from jiceng.knowledge.models import Document, Passage, PastReply, VettedAnswer
from jiceng.people.models import Role
from jiceng.web.workbench.access import (
    acting_user,
    dispatcher_required,
    staff_required,
    visible_case,
)

MAX_QUERY = 100


def _hits(passages: list[Passage]) -> list[dict[str, object]]:
    rows = []
    for passage in passages:
        if passage.document is not None:
            cited = citation(passage.document.number, passage.article)
            rows.append({"passage": passage, "citation": cited, "document": passage.document})
        elif passage.answer is not None:
            rows.append(
                {
                    "passage": passage,
                    "citation": passage.answer.case.number,
                    "case": passage.answer.case,
                }
            )
    return rows


@staff_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    hits = _hits(list(search.search(search.staff_passages(user), query))) if query else []
    context = {"query": query, "hits": hits, "today": clock.now().date()}
    return render(request, "knowledge/search.html", context)


@staff_required
@require_GET
def document_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = acting_user(request)
    area = user.jurisdiction
    document = (
        None if area == "-" else Document.objects.filter(search.applies_to(area), pk=pk).first()
    )
    if document is None:
        raise Http404(_("No such document in your area."))
    return render(
        request,
        "knowledge/document.html",
        {
            "document": document,
            "passages": document.passages.order_by("position"),
            "today": clock.now().date(),
        },
    )


@staff_required
@require_GET
def reply_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A past reply, the source of a cited answer: only where it applies."""
    area = acting_user(request).jurisdiction
    reply = (
        None if area == "-" else PastReply.objects.filter(search.applies_to(area), pk=pk).first()
    )
    if reply is None:
        raise Http404(_("No such reply in your area."))
    context = {"reply": reply, "cited": cited_documents(reply.reply)}
    return render(request, "knowledge/reply.html", context)


@staff_required
@require_GET
def case_answers(request: HttpRequest, number: str) -> HttpResponse:
    """Cited answers for one case (an HTMX fragment on the case page, or a page)."""
    user = acting_user(request)
    case = visible_case(user, number)
    context = {
        "case": case,
        "proposals": sources.for_case(user, case),
        "may_approve": user.role == Role.DISPATCHER
        and case.kind == Kind.CONSULTATION
        and bool(case.answer)
        and not VettedAnswer.objects.filter(case=case).exists(),
    }
    return render(request, "knowledge/_answers.html", context)


@dispatcher_required
@require_GET
def desk_answers(request: HttpRequest) -> HttpResponse:
    """Cited answers for the question the dispatcher is typing (an HTMX fragment)."""
    user = acting_user(request)
    text = request.GET.get("description", "")[:5000]
    proposals = sources.for_text(user, text, county=user.jurisdiction[:6]) if text.strip() else []
    return render(
        request, "knowledge/_answers.html", {"proposals": proposals, "typed": bool(text.strip())}
    )


@dispatcher_required
@require_POST
def approve(request: HttpRequest, number: str) -> HttpResponse:
    user = acting_user(request)
    case = visible_case(user, number)
    try:
        services.answer_approve(case=case, by=user)
    except JicengError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The answer is now in the knowledge base."))
    return redirect("workbench:case", number=case.number)
