"""The native REST API at ``/api/v1/`` (django-ninja; OpenAPI at ``/api/v1/openapi.json``).

Staff authenticate with a session (plus CSRF) or an ``X-API-Key``; the key's
service user carries its role and jurisdiction. Every read goes through the
same scoping as the web, every write through ``jiceng.cases.services``.
"""

from __future__ import annotations

import base64
import binascii
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Query
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyHeader, SessionAuth

from jiceng.api import reference, schemas
from jiceng.api.idempotency import KeyReused, idempotent, scope_of
from jiceng.api.renderers import OrjsonRenderer
from jiceng.api.services import apikey_user
from jiceng.cases import admission, permissions, public, services
from jiceng.cases.models import Case, Category, Channel, DispatchRule, State, Tier
from jiceng.core import pii
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, JicengError, NotAllowed
from jiceng.core.proxy import client_address
from jiceng.core.rows import PlainQuery, plain_rows
from jiceng.insights.rates import Rate, monthly_rates, unit_rates
from jiceng.people.models import Unit, User
from jiceng.places.models import CODE_LENGTHS, Division, Level

PAGE_MAX = 100
ERRORS: dict[int, type[schemas.ErrorOut]] = {
    code: schemas.ErrorOut for code in (401, 403, 404, 409, 422)
}


class KeyAuth(APIKeyHeader):
    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = apikey_user(key or "")
        if user is not None:
            request.api_user = user  # type: ignore[attr-defined]
        return user


STAFF = [KeyAuth(), SessionAuth(csrf=True)]
api = NinjaAPI(
    title="Jiceng API",
    version="1",
    description="Cases, places, the dispatch catalogue and the three rates.",
    urls_namespace="api-v1",
    auth=STAFF,
    renderer=OrjsonRenderer(),
)


# --- errors: one shape everywhere -------------------------------------------------------------


def _error(
    request: HttpRequest, status: int, code: str, message: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "field": field}, status=status
    )


@api.exception_handler(InvalidInput)
def _invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return _error(request, 422, exc.code, exc.message, exc.field)


@api.exception_handler(NotAllowed)
def _forbidden(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return _error(request, 403, exc.code, exc.message)


@api.exception_handler(IllegalTransition)
def _illegal(request: HttpRequest, exc: JicengError) -> HttpResponse:
    return _error(request, 409, exc.code, exc.message)


api.exception_handler(Conflict)(_illegal)


@api.exception_handler(KeyReused)
def _reused(request: HttpRequest, exc: KeyReused) -> HttpResponse:
    message = _("This Idempotency-Key was already used for a different request.")
    return _error(request, 409, "idempotency_key_reused", message)


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    location = [
        str(part)
        for part in first.get("loc", ())
        if part not in ("body", "query", "path", "payload", "filters")
    ]
    field = location[-1] if location else None
    return _error(request, 422, "invalid", str(first.get("msg", _("Invalid input."))), field)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = _("Log in, or send a valid X-API-Key header.")
    return _error(request, 401, "unauthenticated", message)


@api.exception_handler(HttpError)
def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:  # an unreadable body is bad input like any other
        return _error(request, 422, "invalid", exc.message)
    code = "throttled" if exc.status_code == 429 else "error"
    return _error(request, exc.status_code, code, exc.message)


@api.exception_handler(Http404)
def _missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", str(exc) or _("Not found."))


# --- helpers ----------------------------------------------------------------------------------


def _user(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def _case(request: HttpRequest, number: str, *, write: bool = False) -> Case:
    """The case if the caller may see it; 404 if no such case exists at all, else 403."""
    try:
        return permissions.case_for_user(_user(request), number, write=write)
    except NotAllowed:
        if not Case.objects.filter(number=number).exists():
            raise Http404(_("No case %(number)s.") % {"number": number}) from None
        raise


# The columns a case is shown with, read as plain values: a page of 50 costs one query,
# builds no model instances and decrypts nothing: the contact comes from the resident's
# masked copies (decrypting two fields per row to mask them was most of a list's time).
_COLUMNS = (
    "number",
    "kind",
    "state",
    "category_id",
    "urgency",
    "channel",
    "title",
    "description",
    "division_id",
    "address",
    "owner_id",
    "owner__name",
    "submitted_at",
    "respond_by",
    "resolve_by",
    "resolved_at",
    "closed_at",
    "answer",
    "merged_into__number",
    "resident__name_masked",
    "resident__phone_masked",
)


# The list's query with its columns and joins resolved once per process (resolving 22
# columns cost about a millisecond a request); each request adds its scope and filters.
_LISTED_FIELDS = ("pk", *_COLUMNS)
_MOMENTS = ("submitted_at", "respond_by", "resolve_by", "resolved_at", "closed_at")
_LISTED = Case.objects.order_by("-submitted_at", "-pk").values(*_LISTED_FIELDS)


def _row_out(row: dict[str, Any]) -> dict[str, Any]:
    """One ``_COLUMNS`` row in the ``CaseOut`` shape, contact details masked."""
    return {
        "number": row["number"],
        "kind": row["kind"],
        "state": row["state"],
        "category": row["category_id"],
        "urgency": row["urgency"],
        "channel": row["channel"],
        "title": pii.mask_text(row["title"]),
        "description": pii.mask_text(row["description"]),
        "division": row["division_id"],
        "address": pii.mask_address(row["address"]),
        "owner": row["owner_id"],
        "owner_name": row["owner__name"],
        "submitted_at": row["submitted_at"],
        "respond_by": row["respond_by"],
        "resolve_by": row["resolve_by"],
        "resolved_at": row["resolved_at"],
        "closed_at": row["closed_at"],
        "answer": row["answer"],
        "merged_into": row["merged_into__number"],
        "contact": {
            "name": row["resident__name_masked"],
            "phone": row["resident__phone_masked"],
        },
    }


def case_out(case: Case, owner_name: str | None = None) -> dict[str, Any]:
    """A case already loaded with its owner (or given its name) and resident, as ``CaseOut``."""
    resident = case.resident
    return _row_out(
        {
            **{column: getattr(case, column) for column in _COLUMNS if "__" not in column},
            "owner__name": case.owner.name if owner_name is None else owner_name,
            "merged_into__number": case.merged_into.number if case.merged_into else None,
            "resident__name_masked": resident.name_masked if resident else "",
            "resident__phone_masked": resident.phone_masked if resident else "",
        }
    )


def _category(code: str) -> Category:
    category = reference.active_categories().get(code)
    if category is None:
        raise InvalidInput(_("Unknown category %(code)s.") % {"code": code}, field="category")
    return category


def _case_response(request: HttpRequest, case: Case, status: int) -> HttpResponse:
    """The case as it is now (after a write), read in one query."""
    (row,) = plain_rows(_LISTED.filter(pk=case.pk))
    return api.create_response(request, _row_out(row), status=status)


def _submitted_response(request: HttpRequest, case: Case) -> HttpResponse:
    """A case just submitted, answered from what was written instead of read back.

    Its owner is its county's dispatch centre, whose name is kept per process; the
    resident's masked copies were computed when the row was written. Datetimes are
    given in UTC, as read from the database.
    """
    owner = reference.dispatch_centre_names().get(case.owner_id)
    if owner is None:
        return _case_response(request, case, 201)
    body = case_out(case, owner_name=owner)
    for name in _MOMENTS:
        if body[name] is not None:
            body[name] = body[name].astimezone(UTC)
    return api.create_response(request, body, status=201)


def _created(request: HttpRequest, make: Callable[[], Case]) -> HttpResponse:
    def work() -> HttpResponse:
        return _submitted_response(request, make())

    return idempotent(request, scope_of(request), work)


def _submit(payload: schemas.CaseIn, channel: str, by: User | None) -> Case:
    return services.case_submit(
        category=_category(payload.category),
        description=payload.description,
        division_code=payload.division,
        contact_phone=payload.phone,
        contact_name=payload.name,
        title=payload.title,
        address=payload.address,
        urgency=payload.urgency,
        channel=channel,
        by=by,
    )


# --- cases ------------------------------------------------------------------------------------


@api.post("/cases", response={201: schemas.CaseOut, **ERRORS}, tags=["cases"])
def create_case(request: HttpRequest, payload: schemas.CaseIn) -> HttpResponse:
    """Staff take a request (from a call, a visit, another system)."""
    user = _user(request)
    if not payload.division.startswith(user.jurisdiction):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    return _created(request, lambda: _submit(payload, Channel.API, user))


def _address(request: HttpRequest) -> str:
    return client_address(request)


def _admitted(request: HttpRequest, payload: schemas.CaseIn) -> Case:
    """The public submission, within the limits the portal shares (jiceng.cases.admission)."""
    try:
        return admission.admit(
            address=_address(request),
            phone=payload.phone,
            submit=lambda: _submit(payload, Channel.API, None),
        )
    except admission.Refused as refused:
        raise HttpError(429, refused.message) from None


@api.post(
    "/public/cases",
    response={201: schemas.CaseOut, 429: schemas.ErrorOut, **ERRORS},
    auth=None,
    tags=["public"],
)
def create_public_case(request: HttpRequest, payload: schemas.CaseIn) -> HttpResponse:
    """A resident's own request, without a key; limited per address and per phone and address.

    A retry answered from its Idempotency-Key's stored answer is not counted again.
    """
    return _created(request, lambda: _admitted(request, payload))


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


# Compiled list queries, kept per process: compiling one cost a fifth of a list request.
# The key holds everything the SQL is built from (the user's scope and every filter), so
# a kept query is exactly the one that would be compiled; data are read at each run.
_PAGE_QUERIES_KEPT = 512
_page_queries: OrderedDict[tuple[Any, ...], PlainQuery] = OrderedDict()
_page_queries_lock = threading.Lock()


def _page_query(user: User, filters: CaseFilters) -> PlainQuery:
    key = (
        user.pk,
        user.role,
        user.is_superuser,
        user.is_active,
        user.unit_id,
        user.jurisdiction,
        *filters.model_dump().values(),
    )
    with _page_queries_lock:
        kept = _page_queries.get(key)
        if kept is not None:
            _page_queries.move_to_end(key)
            return kept
    condition = permissions.scope_filter(user)
    listed = _LISTED if condition is None else _LISTED.filter(condition)
    plain = PlainQuery.of(_filtered(listed, filters)[: filters.limit + 1], keep=True)
    assert plain is not None  # plain columns only
    with _page_queries_lock:
        _page_queries[key] = plain
        while len(_page_queries) > _PAGE_QUERIES_KEPT:
            _page_queries.popitem(last=False)
    return plain


@api.get("/cases", response={200: schemas.CasePage, **ERRORS}, tags=["cases"])
def list_cases(request: HttpRequest, filters: Query[CaseFilters]) -> HttpResponse:
    """Cases in the caller's jurisdiction, newest first, a page at a time."""
    rows = _page_query(_user(request), filters).rows()
    cursor = None
    if len(rows) > filters.limit:
        last = rows[filters.limit - 1]
        cursor = base64.urlsafe_b64encode(
            f"{last['submitted_at'].isoformat()}|{last['pk']}".encode()
        ).decode()
    # _row_out already gives the documented shape; re-validating 50 rows through the
    # response schema cost about 40% of the request, so the page is rendered directly.
    body = {"items": [_row_out(row) for row in rows[: filters.limit]], "next_cursor": cursor}
    return api.create_response(request, body, status=200)


@api.get("/cases/{number}", response={200: schemas.CaseOut, **ERRORS}, tags=["cases"])
def get_case(request: HttpRequest, number: str) -> dict[str, Any]:
    return case_out(_case(request, number))


def _transition(
    request: HttpRequest, number: str, act: Callable[[Case, User], object]
) -> HttpResponse:
    def work() -> HttpResponse:
        case = _case(request, number)
        act(case, _user(request))
        # The caller was allowed to act on it a moment ago; show them what they did.
        return _case_response(request, case, 200)

    return idempotent(request, scope_of(request), work)


OK = {200: schemas.CaseOut, **ERRORS}
# Who may do each transition, and from which states, is the rule book's (cases.rules): the
# services check it, and their refusals become 403 and 409 here. Each endpoint only reads
# its body and calls its service.
TRANSITIONS = ["transitions"]


def _unit(pk: int | None) -> Unit | None:
    if pk is None:
        return None
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise InvalidInput(_("Unknown unit."), field="unit")
    return unit


@api.post("/cases/{number}/dispatch", summary="Dispatch", response=OK, tags=TRANSITIONS)
def dispatch(request: HttpRequest, number: str, payload: schemas.DispatchIn) -> HttpResponse:
    """Send a case to a unit (the catalogue's by default)."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_dispatch(case=case, by=user, unit=_unit(payload.unit)),
    )


@api.post("/cases/{number}/accept", summary="Accept", response=OK, tags=TRANSITIONS)
def accept(request: HttpRequest, number: str) -> HttpResponse:
    """The owning unit takes the case on (签收)."""
    return _transition(request, number, lambda case, user: services.case_accept(case=case, by=user))


@api.post("/cases/{number}/return", summary="Return", response=OK, tags=TRANSITIONS)
def return_(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The owner sends a misrouted case back to the dispatcher."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_return(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/escalate", summary="Escalate", response=OK, tags=TRANSITIONS)
def escalate(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The owner hands the case to the next tier up; it keeps its number."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_escalate(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/resolve", summary="Resolve", response=OK, tags=TRANSITIONS)
def resolve(request: HttpRequest, number: str, payload: schemas.ResolveIn) -> HttpResponse:
    """The owner records what was done."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_resolve(case=case, by=user, answer=payload.answer),
    )


@api.post("/cases/{number}/reply", summary="Reply to the resident", response=OK, tags=TRANSITIONS)
def reply(request: HttpRequest, number: str, payload: schemas.ReplyIn) -> HttpResponse:
    """The owner tells the resident how it is going (阶段性答复); the case stays accepted,
    its deadlines unchanged, and the resident is sent a text message with a follow link."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_reply(case=case, by=user, reply=payload.reply),
    )


@api.post("/cases/{number}/rate", summary="Rate", response=OK, tags=TRANSITIONS)
def rate(request: HttpRequest, number: str, payload: schemas.RateIn) -> HttpResponse:
    """A dispatcher enters the resident's answer after a call-back (回访)."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_rate(
            case=case,
            by=user,
            solved=payload.solved,
            satisfaction=payload.satisfaction,
            comment=payload.comment,
        ),
    )


@api.post("/cases/{number}/reopen", summary="Reopen", response=OK, tags=TRANSITIONS)
def reopen(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The resident was not satisfied: the case goes back to work."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_reopen(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/merge", summary="Merge", response=OK, tags=TRANSITIONS)
def merge(request: HttpRequest, number: str, payload: schemas.MergeIn) -> HttpResponse:
    """Close a duplicate into the case that carries the work."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_merge(
            case=case, into=_case(request, payload.into), by=user
        ),
    )


# --- reference data ---------------------------------------------------------------------------


@api.get("/categories", response=list[schemas.CategoryOut], auth=None, tags=["reference"])
def categories(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name": c.name,
            "name_en": c.name_en,
            "group": c.group,
            "first_tier": c.first_tier,
            "time_limit": c.time_limit_id,
        }
        for c in Category.objects.filter(active=True)
    ]


def _division(division: Division, children: list[Division] | None = None) -> dict[str, Any]:
    return {
        "code": division.code,
        "name": division.name,
        "level": division.level,
        "parent": division.parent_id,
        "children": [_division(c) for c in children or []],
    }


@api.get(
    "/divisions", response={200: list[schemas.DivisionOut], **ERRORS}, auth=None, tags=["reference"]
)
def divisions(
    request: HttpRequest, prefix: str = "", level: str | None = None
) -> list[dict[str, Any]]:
    """Divisions whose code starts with ``prefix`` (at most 1000), optionally of one level."""
    if level is not None and level not in CODE_LENGTHS:
        raise InvalidInput(_("Unknown level."), field="level")
    rows = Division.objects.filter(code__startswith=prefix)
    if level is not None:
        rows = rows.filter(level=level)
    return [_division(row) for row in rows.order_by("code")[:1000]]


@api.get(
    "/divisions/{code}",
    response={200: schemas.DivisionOut, **ERRORS},
    auth=None,
    tags=["reference"],
)
def division(request: HttpRequest, code: str) -> dict[str, Any]:
    """One division with its direct children: walk the tree from the county down."""
    found = Division.objects.filter(code=code).first()
    if found is None:
        raise Http404(_("No division %(code)s.") % {"code": code})
    return _division(found, list(found.children.order_by("code")))


@api.get("/catalogue", response={200: list[schemas.RuleOut], **ERRORS}, tags=["reference"])
def catalogue(request: HttpRequest, county: str) -> list[dict[str, Any]]:
    """The dispatch catalogue of one county (staff of that county only)."""
    user = _user(request)
    if not (county.startswith(user.jurisdiction) or user.jurisdiction.startswith(county)):
        raise NotAllowed(_("That county is outside your jurisdiction."))
    rules = (
        DispatchRule.objects.filter(county_id=county)
        .select_related("unit")
        .order_by("category_id", "tier")
    )
    return [
        {
            "county": r.county_id,
            "category": r.category_id,
            "tier": r.tier,
            "unit": r.unit_id,
            "unit_name": r.unit.name if r.unit else None,
        }
        for r in rules
    ]


@api.get("/rates", response={200: list[schemas.RatesOut], **ERRORS}, tags=["rates"])
def rates(
    request: HttpRequest, year: int, month: int, within: str, level: str
) -> list[dict[str, Any]]:
    """The three rates and the ranking of every ``level`` division under ``within``, or with
    ``level=unit`` of every unit sitting there (docs/rates.md)."""
    user = _user(request)
    if not within.startswith(user.jurisdiction):
        raise NotAllowed(_("That area is outside your jurisdiction."))
    if (
        level not in (Level.TOWNSHIP, Level.VILLAGE, "unit")
        or not 1 <= month <= 12
        or not 2000 <= year <= 2100
    ):
        raise InvalidInput(
            _("Give a year, a month 1–12 and level township, village or unit."), field="level"
        )
    if level == "unit":
        rows = unit_rates(year=year, month=month, within=within)
    else:
        rows = monthly_rates(year=year, month=month, within=within, level=level)

    def counted(rate: Rate) -> dict[str, Any]:
        low, high = rate.interval or (None, None)
        return {
            "value": rate.value,
            "part": rate.part,
            "whole": rate.whole,
            "low": low,
            "high": high,
        }

    return [
        {
            "code": r.code,
            "name": r.name,
            "kind": r.kind,
            "unit_id": r.unit_id,
            "rank": r.rank,
            "ranked": r.rank is not None,
            "too_few": r.too_few,
            "dispatched": r.dispatched,
            "responded": r.responded,
            "rated": r.rated,
            "solved": r.solved,
            "satisfied": r.satisfied,
            "basically": r.basically,
            "response": counted(r.response),
            "resolution": counted(r.resolution),
            "satisfaction": counted(r.satisfaction),
            "response_rate": r.response_rate,
            "resolution_rate": r.resolution_rate,
            "satisfaction_rate": r.satisfaction_rate,
            "composite": r.composite,
            "local_share_village": r.local_share(Tier.VILLAGE),
            "local_share_township": r.local_share(Tier.TOWNSHIP),
            "local_share_county": r.local_share(Tier.COUNTY),
        }
        for r in rows
    ]


@api.get(
    "/public/cases/{number}",
    response={200: schemas.PublicCaseOut, 429: schemas.ErrorOut, **ERRORS},
    auth=None,
    tags=["public"],
)
def public_case(request: HttpRequest, number: str, phone_last4: str) -> dict[str, Any]:
    """A resident follows their case: its number and the last four digits of their phone."""
    if not public.lookup_allowed(_address(request)):
        raise HttpError(429, _("Too many lookups; try again later."))
    case = public.follow_case(number, phone_last4)
    if case is None:
        raise Http404(_("No case with that number and phone."))
    followed = public.followed_case(case)
    return {
        "number": case.number,
        "state": case.state,
        "category": case.category_id,
        "submitted_at": case.submitted_at,
        "resolve_by": followed.resolve_by,
        "merged_into": followed.number if followed.pk != case.pk else None,
        "followed_state": followed.state,
        "answer": followed.answer if followed.state in (State.RESOLVED, State.CLOSED) else "",
        "timeline": [step.__dict__ for step in public.resident_timeline(case, followed)],
    }
