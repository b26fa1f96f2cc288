"""Narrowing a list: by state, category, place, date, number or words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import F, Q, QuerySet

from jiceng.cases import search
from jiceng.cases.models import Case, State
from jiceng.places.codes import code_range

# A case number starts with the submission date (yymmdd); shorter digit runs are searched as text.
CASE_NUMBER_DATE_DIGITS = 6
# The same order when no call-back can be listed, in a form the (state, resolve_by) index serves.
DEADLINE_ORDER = (
    F("resolve_by").asc(nulls_last=True),
    F("respond_by").asc(nulls_last=True),
    "pk",
)


@dataclass(frozen=True)
class CaseFilters:
    """Narrowing of a list. ``place`` is a township or village code already checked in scope."""

    states: tuple[str, ...] = ()
    category: str = ""
    place: str = ""
    submitted_from: datetime | None = None
    submitted_before: datetime | None = None
    text: str = ""


def within(prefix: str) -> Q:
    """Cases located under a division-code prefix (see :func:`places.codes.code_range`)."""
    return code_range("division", prefix)


def search_cases(cases: QuerySet[Case], text: str) -> QuerySet[Case]:
    """Cases whose number starts with ``text`` if it is all digits, else full-text, best first.

    Full-text search (``cases.search``) matches every word of the query in the
    title, description, address and place names, in simplified or traditional
    characters alike.
    """
    text = text.strip()[: search.MAX_QUERY_LENGTH]
    if not text:
        return cases
    if text.isdigit() and len(text) >= CASE_NUMBER_DATE_DIGITS:
        return cases.filter(number__startswith=text)
    return search.search_cases(cases, text)


def filter_cases(cases: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    if filters.states:
        cases = cases.filter(state__in=filters.states)
        if State.RESOLVED not in filters.states:
            cases = cases.order_by(*DEADLINE_ORDER)
    if filters.category:
        cases = cases.filter(category_id=filters.category)
    if filters.place:
        cases = cases.filter(within(filters.place))
    if filters.submitted_from is not None:
        cases = cases.filter(submitted_at__gte=filters.submitted_from)
    if filters.submitted_before is not None:
        cases = cases.filter(submitted_at__lt=filters.submitted_before)
    return search_cases(cases, filters.text)
