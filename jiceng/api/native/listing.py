"""Reading cases: one case, or a page of the caller's cases with filters and a cursor."""

from __future__ import annotations

import base64
import binascii
from datetime import datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import Query

from jiceng.api import schemas
from jiceng.api.native.access import case_of, user_of
from jiceng.api.native.app import ERRORS, PAGE_MAX, api
from jiceng.api.native.rows import LISTED, case_out, row_out
from jiceng.cases import permissions
from jiceng.cases.models import Case
from jiceng.core.errors import InvalidInput
from jiceng.core.memo import Memo
from jiceng.core.rows import PlainQuery
from jiceng.people.models import User


class CaseFilters(schemas.Schema):
    state: str | None = None
    category: str | None = None
    division: str | None = None
    owner: int | None = None
    submitted_from: datetime | None = None
    submitted_to: datetime | None = None
    cursor: str | None = None
    limit: int = schemas.Field(50, ge=1, le=PAGE_MAX)


def _cursor(value: str) -> tuple[datetime, int]:
    try:
        moment, _sep, pk = base64.urlsafe_b64decode(value.encode()).decode().partition("|")
        parsed = parse_datetime(moment)
        if parsed is None:
            raise ValueError(moment)
        return parsed, int(pk)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(_("This cursor is not one we gave out."), field="cursor") from None


def _filtered(cases: QuerySet[Case, Any], filters: CaseFilters) -> QuerySet[Case, Any]:
    conditions = {
        "state": filters.state,
        "category_id": filters.category,
        "division__code__startswith": filters.division,
        "owner_id": filters.owner,
        "submitted_at__gte": filters.submitted_from,
        "submitted_at__lt": filters.submitted_to,
    }
    cases = cases.filter(**{name: value for name, value in conditions.items() if value is not None})
    if filters.cursor:
        at, pk = _cursor(filters.cursor)
        cases = cases.filter(Q(submitted_at__lt=at) | Q(submitted_at=at, pk__lt=pk))
    return cases


# Compiled list queries, kept per process: compiling is a large part of a list request
# (bench/api/README.md). The key holds everything the SQL is built from (the user's scope
# and every filter), so a kept query is exactly the one that would be compiled; data are
# read at each run.
_page_queries: Memo[PlainQuery] = Memo("api.page_queries", limit=512)


def _page_query(user: User, filters: CaseFilters) -> PlainQuery:
    key = (permissions.scope_key(user), *filters.model_dump().values())
    return _page_queries.get(key, lambda: _compiled(user, filters))


def _compiled(user: User, filters: CaseFilters) -> PlainQuery:
    condition = permissions.scope_filter(user)
    listed = LISTED if condition is None else LISTED.filter(condition)
    plain = PlainQuery.of(_filtered(listed, filters)[: filters.limit + 1], keep=True)
    assert plain is not None  # plain columns only
    return plain


@api.get("/cases", response={200: schemas.CasePage, **ERRORS}, tags=["cases"])
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> HttpResponse:
    """Cases in the caller's jurisdiction, newest first, a page at a time."""
    rows = _page_query(user_of(request), filters).rows()
    cursor = None
    if len(rows) > filters.limit:
        last = rows[filters.limit - 1]
        cursor = base64.urlsafe_b64encode(
            f"{last['submitted_at'].isoformat()}|{last['pk']}".encode()
        ).decode()
    # row_out already gives the documented shape; re-validating 50 rows through the
    # response schema cost about 40% of the request, so the page is rendered directly.
    body = {"items": [row_out(row) for row in rows[: filters.limit]], "next_cursor": cursor}
    return api.create_response(request, body, status=200)


@api.get("/cases/{number}", response={200: schemas.CaseOut, **ERRORS}, tags=["cases"])
def get_case(request: HttpRequest, number: str) -> dict[str, Any]:
    return case_out(case_of(request, number))
