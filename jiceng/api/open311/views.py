"""GeoReport v2 endpoints under ``/open311/``.

GET needs no key. POST needs an API key (in the query or the form body); the
key's role and jurisdiction are applied as for any staff user, and the request
enters through ``case_submit`` like any other.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from jiceng.api import reference
from jiceng.api.idempotency import KeyInProgress, KeyReused, idempotent
from jiceng.api.open311 import mapping, selectors
from jiceng.api.open311.render import CONTENT_TYPES, error, render, respond
from jiceng.api.services import apikey_user
from jiceng.cases import services
from jiceng.cases.models import OPEN_STATES, Case, Category, Channel, State, TimeLimit
from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import UnitKind, User
from jiceng.people.units import not_onboarded, unit_for_code
from jiceng.places.models import Division, Level

SPEC = "http://wiki.open311.org/GeoReport_v2"
WINDOW = timedelta(days=90)
LIST_CACHE_SECONDS = 15  # an answer is fresh this long
LIST_STALE_SECONDS = 60  # and may be served this long while one request refreshes it
LIST_REFRESH_SECONDS = 30  # a refresh that has not finished by then may be taken over
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_ATTRIBUTE = re.compile(r"^attribute\[([^\]]+)\](\[\])?$")
# Service-layer field names as Open311 clients know them.
_PARAM_OF_FIELD = {"division": "address_id", "category": "service_code", "name": "last_name"}
View = Callable[..., HttpResponse]


class Refused(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def open311(view: View) -> View:
    """Answer every refusal in the spec's error format, in the requested format."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, fmt: str, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, fmt=fmt, **kwargs)
        except Refused as refused:
            return error(fmt, refused.status, refused.description)
        except InvalidInput as invalid:
            param = _PARAM_OF_FIELD.get(invalid.field or "", invalid.field or "")
            return error(fmt, 400, f"{param}: {invalid.message}" if param else invalid.message)
        except NotAllowed as denied:
            return error(fmt, 403, denied.message)
        except KeyReused:
            return error(fmt, 400, _("This Idempotency-Key was already used for another request."))
        except KeyInProgress as busy:
            return error(fmt, 409, busy.message)

    return csrf_exempt(wrapper)


def _param(request: HttpRequest, name: str) -> str:
    return (request.POST.get(name) or request.GET.get(name) or "").strip()


def _county(request: HttpRequest) -> str:
    """The county the request is about: ``jurisdiction_id``, needed when there are several."""
    counties = reference.county_codes()
    wanted = _param(request, "jurisdiction_id")
    if wanted:
        if wanted not in counties:
            if unit_for_code(wanted, UnitKind.DISPATCH) is not None:  # set up, not onboarded
                raise Refused(404, not_onboarded(wanted))
            raise Refused(404, _("jurisdiction_id %(id)s was not found.") % {"id": wanted})
        return wanted
    if len(counties) != 1:
        raise Refused(
            400,
            _("jurisdiction_id is required: give the county code, e.g. %(code)s.")
            % {"code": counties[0] if counties else "330681"},
        )
    return counties[0]


def _category(code: str) -> Category:
    category = reference.active_categories().get(code)
    if category is None:
        raise Refused(404, _("service_code %(code)s was not found.") % {"code": code})
    return category


# --- discovery and services ------------------------------------------------------------------


@require_http_methods(["GET"])
@open311
def discovery(request: HttpRequest, *, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri("/open311/v2/")
    return respond(
        fmt,
        "discovery",
        {
            "changeset": "2026-03-01T00:00:00+08:00",
            "contact": _("Your county's 12345 hotline"),
            "key_service": _("Ask the deployment's administrator for an API key."),
            "endpoints": [
                {
                    "specification": SPEC,
                    "url": base,
                    "changeset": "2026-03-01T00:00:00+08:00",
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        },
    )


@require_http_methods(["GET"])
@open311
def service_list(request: HttpRequest, *, fmt: str) -> HttpResponse:
    _county(request)
    categories = Category.objects.filter(active=True).select_related("time_limit")
    return respond(fmt, "services", [mapping.service(category) for category in categories])


@require_http_methods(["GET"])
@open311
def service_definition(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    _county(request)
    return respond(fmt, "service_definition", mapping.definition(_category(code)))


# --- reading requests ------------------------------------------------------------------------


def _moment(request: HttpRequest, name: str) -> datetime | None:
    raw = _param(request, name)
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
    wanted = {part.strip() for part in _param(request, "status").split(",") if part.strip()}
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


def _list(request: HttpRequest, fmt: str) -> HttpResponse:
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
    county = _county(request)
    numbers = _split(_param(request, "service_request_id"))
    if numbers:  # the spec: with ids, every other filter is ignored
        cases = selectors.requests_by_number(county, numbers)
    else:
        start, end = _window(request)
        cases = selectors.search_requests(
            county,
            service_codes=_split(_param(request, "service_code")),
            start=start,
            end=end,
            states=_states(request),
        )
    return render(fmt, "service_requests", mapping.service_requests(cases))


@require_http_methods(["GET"])
@open311
def request_detail(request: HttpRequest, number: str, *, fmt: str) -> HttpResponse:
    cases = selectors.requests_by_number(_county(request), [number])
    if not cases:
        raise Refused(404, _("service_request_id %(id)s was not found.") % {"id": number})
    return respond(fmt, "service_requests", mapping.service_requests(cases))


@require_http_methods(["GET"])
@open311
def token(request: HttpRequest, token: str, *, fmt: str) -> HttpResponse:
    # Every service is realtime, so a request's token is its number.
    cases = selectors.requests_by_number(_county(request), [token])
    if not cases:
        raise Refused(404, _("token %(token)s was not found.") % {"token": token})
    rows = [{"service_request_id": cases[0]["number"], "token": token}]
    return respond(fmt, "service_requests", rows)


# --- creating requests -----------------------------------------------------------------------


def _key_user(request: HttpRequest) -> User:
    user = apikey_user(_param(request, "api_key"))
    if user is None:
        raise Refused(403, _("api_key is missing, unknown or revoked."))
    return user


def _attributes(form: QueryDict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name in form:
        match = _ATTRIBUTE.match(name)
        if match:
            values = [value for value in form.getlist(name) if value.strip()]
            found.setdefault(match.group(1), []).extend(values)
    return found


def _check_attributes(form: QueryDict, category: Category) -> None:
    known = {item["code"] for item in mapping.definition(category)["attributes"]}
    for code, values in _attributes(form).items():
        if values and code not in known:
            raise Refused(
                400,
                _("attribute[%(code)s] is not an attribute of service %(service)s.")
                % {"code": code, "service": category.code},
            )


def _village_named(text: str, county: str) -> Division:
    villages = Division.objects.filter(level=Level.VILLAGE, code__startswith=county)
    named = [village for village in villages.only("code", "name") if village.name in text]
    if len(named) != 1:
        raise Refused(
            400,
            _(
                "address_string must name exactly one village or community of the county; "
                "or give address_id, its 12-digit division code."
            ),
        )
    return named[0]


def _location(request: HttpRequest, county: str) -> str:
    """The village code from ``address_id``, else from a village named in ``address_string``."""
    address_id = _param(request, "address_id")
    if address_id:
        if not address_id.startswith(county):
            raise Refused(400, _("address_id must be a village division code of this county."))
        return address_id
    text = _param(request, "address_string")
    if text:
        return _village_named(text, county).code
    if _param(request, "lat") or _param(request, "long"):
        raise Refused(400, _("lat/long alone cannot be placed: add address_id or address_string."))
    raise Refused(400, _("A location is required: address_id, address_string or lat/long."))


def _description(request: HttpRequest) -> str:
    description = _param(request, "description")
    if _HTML.search(description):
        raise Refused(400, _("description must be plain text, without HTML."))
    return description


def _limit(case: Case) -> TimeLimit:
    # What ``cases.services.time_limit_for`` answers, without reading the tables again.
    code = reference.limit_code(case.category.time_limit_id, case.urgency)
    return reference.time_limits()[code]


def _create(request: HttpRequest, fmt: str) -> HttpResponse:
    user = _key_user(request)
    county = _county(request)
    code = _param(request, "service_code")
    if not code:
        raise Refused(400, _("service_code is required."))
    category = _category(code)
    _check_attributes(request.POST, category)
    division = _location(request, county)
    if not division.startswith(user.jurisdiction):
        raise Refused(403, _("This api_key may not submit requests for that location."))
    description = _description(request)
    if not _param(request, "phone"):
        raise Refused(400, _("phone is required: Jiceng calls every resident back."))

    def work() -> HttpResponse:
        case = services.case_submit(
            category=category,
            description=description,
            division_code=division,
            contact_phone=_param(request, "phone"),
            contact_name=_param(request, "last_name") + _param(request, "first_name"),
            address=_param(request, "address_string"),
            channel=Channel.OPEN311,
            by=user,
        )
        row = {
            "service_request_id": case.number,
            "service_notice": mapping.notice(_limit(case)),
            "account_id": _param(request, "account_id") or None,
        }
        return respond(fmt, "service_requests", [row])

    return idempotent(request, f"user:{user.pk}", work)


@require_http_methods(["GET", "POST"])
@open311
def requests(request: HttpRequest, *, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _create(request, fmt)
    return _list(request, fmt)
