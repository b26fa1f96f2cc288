"""Reading requests: the list (kept a few seconds per query), one request, a token."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.api.open311 import mapping, selectors
from jiceng.api.open311.render import CONTENT_TYPES, render, respond
from jiceng.api.open311.views.common import Refused, county_of, open311, param
from jiceng.cases.models import OPEN_STATES, State
from jiceng.core import clock

WINDOW = timedelta(days=90)
LIST_CACHE_SECONDS = 15  # an answer is fresh this long
LIST_STALE_SECONDS = 60  # and may be served this long while one request refreshes it
LIST_REFRESH_SECONDS = 30  # a refresh that has not finished by then may be taken over


def _moment(request: HttpRequest, name: str) -> datetime | None:
    raw = param(request, name)
    if not raw:
        return None
    parsed = parse_datetime(raw)
    if parsed is None:
        raise Refused(400, _("%(name)s must be an ISO 8601 date and time.") % {"name": name})
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed)


def _window(request: HttpRequest) -> tuple[datetime, datetime]:
    start, end = _moment(request, "start_date"), _moment(request, "end_date")
    if start is None and end is None:
        end = clock.now()
    start = start or (end - WINDOW if end else None)
    end = end or (start + WINDOW if start else None)
    assert start is not None and end is not None
    if end < start or end - start > WINDOW:
        raise Refused(400, _("start_date to end_date must span at most 90 days."))
    return start, end


def _states(request: HttpRequest) -> list[str] | None:
    wanted = {part.strip() for part in param(request, "status").split(",") if part.strip()}
    if not wanted:
        return None
    if not wanted <= {"open", "closed"}:
        raise Refused(400, _("status must be open, closed or both, separated by commas."))
    closed = [State.RESOLVED, State.CLOSED]
    return [*(OPEN_STATES if "open" in wanted else ()), *(closed if "closed" in wanted else ())]


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def list_cache_key(query: QueryDict | dict[str, str], fmt: str) -> str:
    """Where the list answer to ``query`` in ``fmt`` and the active language is kept."""
    canonical = urlencode(sorted((name, str(value)) for name, value in query.items()))
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return f"open311:requests:{fmt}:{get_language()}:{digest}"


def list_requests(request: HttpRequest, fmt: str) -> HttpResponse:
    """The list, kept for a few seconds per query.

    GET needs no key and a full answer is 1,000 requests (about 1 MB): computing it for
    every poll of every client would let anyone keep the server busy. The data is public
    and a few seconds old at most, as on the public board.

    When an answer goes stale, one request recomputes it while the others are still
    given the stale one, instead of every poll of that moment recomputing it at once
    (bench/api/README.md, Session 4, "The repeated Open311 list's tail"). An answer older than
    LIST_STALE_SECONDS is never served.
    """
    key = list_cache_key(request.GET, fmt)
    now = clock.now().timestamp()
    kept = cache.get(key)
    if kept is not None:
        fresh_until, body = kept
        # Stale: whoever takes the refresh recomputes; the others answer with what is kept.
        if now < fresh_until or not cache.add(f"{key}:refresh", 1, LIST_REFRESH_SECONDS):
            return HttpResponse(body, content_type=CONTENT_TYPES[fmt])
    try:
        body = _list_body(request, fmt)
        cache.set(key, (now + LIST_CACHE_SECONDS, body), LIST_STALE_SECONDS)
    finally:
        if kept is not None:
            cache.delete(f"{key}:refresh")
    return HttpResponse(body, content_type=CONTENT_TYPES[fmt])


def _list_body(request: HttpRequest, fmt: str) -> bytes:
    county = county_of(request)
    numbers = _split(param(request, "service_request_id"))
    if numbers:  # the spec: with ids, every other filter is ignored
        cases = selectors.requests_by_number(county, numbers)
    else:
        start, end = _window(request)
        cases = selectors.search_requests(
            county,
            service_codes=_split(param(request, "service_code")),
            start=start,
            end=end,
            states=_states(request),
        )
    return render(fmt, "service_requests", mapping.service_requests(cases))


@require_http_methods(["GET"])
@open311
def request_detail(request: HttpRequest, number: str, *, fmt: str) -> HttpResponse:
    cases = selectors.requests_by_number(county_of(request), [number])
    if not cases:
        raise Refused(404, _("service_request_id %(id)s was not found.") % {"id": number})
    return respond(fmt, "service_requests", mapping.service_requests(cases))


@require_http_methods(["GET"])
@open311
def token(request: HttpRequest, token: str, *, fmt: str) -> HttpResponse:
    # Every service is realtime, so a request's token is its number.
    cases = selectors.requests_by_number(county_of(request), [token])
    if not cases:
        raise Refused(404, _("token %(token)s was not found.") % {"token": token})
    rows = [{"service_request_id": cases[0]["number"], "token": token}]
    return respond(fmt, "service_requests", rows)
