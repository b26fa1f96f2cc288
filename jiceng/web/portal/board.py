"""The public board: recent requests, recently fixed ones and each township's rates."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jiceng.cases import public
from jiceng.core import clock
from jiceng.insights.board import township_rates
from jiceng.places.models import Division
from jiceng.web.portal.board_rows import board_rows, rate_rows

BOARD_PAGE_SIZE = 20
BOARD_FIXED = 8
BOARD_MAX_PAGE = 50  # deeper pages cost a large OFFSET and nobody reads them


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return min(max(int(raw), 1), BOARD_MAX_PAGE) if raw.isdigit() else 1


def _county(request: HttpRequest, counties: list[Division]) -> Division | None:
    wanted = request.GET.get("county", "")
    return next((c for c in counties if c.code == wanted), counties[0] if counties else None)


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    counties = public.deployment_counties()
    county = _county(request, counties)
    context: dict[str, Any] = {"counties": counties, "county": county}
    if county is None:
        return render(request, "web/portal/board.html", context)
    page = _page(request)
    recent, more = public.recent_requests(county, page=page, per_page=BOARD_PAGE_SIZE)
    context.update(
        page=page,
        recent=board_rows(recent),
        older=page + 1 if more and page < BOARD_MAX_PAGE else None,
        newer=page - 1 if page > 1 else None,
    )
    if page == 1:  # later pages are for reading back through requests only
        context.update(
            fixed=board_rows(public.fixed_recently(county, limit=BOARD_FIXED)),
            rates=rate_rows(township_rates(county)),
            month=clock.now(),
        )
    return render(request, "web/portal/board.html", context)
