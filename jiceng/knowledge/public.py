"""政策解读: the published policy documents, for residents, with search."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from jiceng.core import clock
from jiceng.knowledge import search
from jiceng.knowledge.models import Document

PAGE_SIZE = 20
MAX_QUERY = 100


@require_GET
def documents(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if query:
        found = search.search(search.public_passages(), query)
        # Best passage first; each document once.
        ids = list(dict.fromkeys(p.document_id for p in found))
        by_id = Document.objects.in_bulk(ids)
        listed = [by_id[i] for i in ids if i in by_id]
    else:
        listed = list(Document.objects.filter(published=True))
    page = Paginator(listed, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "knowledge/public_list.html",
        {"query": query, "page": page, "today": clock.now().date()},
    )


@require_GET
def document(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Document, pk=pk, published=True)
    return render(
        request,
        "knowledge/public_document.html",
        {
            "document": found,
            "passages": found.passages.order_by("position"),
            "today": clock.now().date(),
        },
    )
