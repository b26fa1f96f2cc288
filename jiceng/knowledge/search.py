"""Searching the knowledge base's passages with the database's full-text index.

The same tokens and query terms as the case search (``cases.search``): character bigrams
of Chinese runs, every term required, best match first. The knowledge base of a county
holds thousands of passages, not millions, so there is no ranking window here.
Timed by ``bench/knowledge/bench_search.py`` (bench/knowledge/README.md).
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q, QuerySet

from jiceng.cases.search import fts5_expression, query_terms, tsquery_expression
from jiceng.knowledge.models import Passage
from jiceng.people.models import User

RESULTS = 50
_PREFIX_LENGTHS = (2, 4, 6, 9, 12)
_UNSHOWN = (
    "tokens",
    "document__full_text",
    "answer__question",
    "answer__case__description",
    "answer__case__answer",
)


def applies_to(area: str) -> Q:
    """Passages that apply in ``area`` or in part of it: wider scopes and narrower ones."""
    if not area:
        return Q()
    wider = ["", *(area[:n] for n in _PREFIX_LENGTHS if n <= len(area))]
    return Q(scope__in=wider) | Q(scope__startswith=area)


def staff_passages(user: User) -> QuerySet[Passage]:
    """Every passage a staff member may read: documents and vetted answers of their area."""
    area = user.jurisdiction
    if area == "-":
        return Passage.objects.none()
    return Passage.objects.filter(applies_to(area))


def public_passages() -> QuerySet[Passage]:
    """What residents may read: the passages of published documents (no vetted answers)."""
    return Passage.objects.filter(document__published=True)


def search(passages: QuerySet[Passage], query: str) -> QuerySet[Passage]:
    """The passages of ``passages`` holding every term of ``query``, best first."""
    terms = query_terms(query)
    if not terms:
        return passages.none()
    if connection.vendor == "postgresql":
        matched = passages.extra(
            where=["knowledge_passage.vector @@ to_tsquery('simple', %s)"],
            params=[tsquery_expression(terms)],
            select={"rank": "-ts_rank(knowledge_passage.vector, to_tsquery('simple', %s), 1)"},
            select_params=[tsquery_expression(terms)],
        )
    else:
        matched = passages.extra(
            tables=["knowledge_passage_fts"],
            where=[
                "knowledge_passage_fts.rowid = knowledge_passage.id",
                "knowledge_passage_fts MATCH %s",
            ],
            params=[fts5_expression(terms)],
            select={"rank": "bm25(knowledge_passage_fts)"},
        )
    # Only what a result shows: the tokens and a document's full text are the bulk of a row.
    listed = matched.select_related("document", "answer__case").defer(*_UNSHOWN)
    return listed.order_by("rank", "-id")[:RESULTS]
