"""Creating cases: staff take a request, and residents submit their own without a key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from jiceng.api import reference, schemas
from jiceng.api.idempotency.claims import idempotent
from jiceng.api.idempotency.identity import scope_of
from jiceng.api.native.access import address_of, user_of
from jiceng.api.native.app import ERRORS, api
from jiceng.api.native.rows import MOMENTS, case_out, case_response
from jiceng.cases import admission, services
from jiceng.cases.models import Case, Category, Channel
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User


def _category(code: str) -> Category:
    category = reference.active_categories().get(code)
    if category is None:
        raise InvalidInput(_("Unknown category %(code)s.") % {"code": code}, field="category")
    return category


def _submitted_response(request: HttpRequest, case: Case) -> HttpResponse:
    """A case just submitted, answered from what was written instead of read back.

    Its owner is its county's dispatch centre, whose name is kept per process; the
    resident's masked copies were computed when the row was written. Datetimes are
    given in UTC, as read from the database.
    """
    owner = reference.dispatch_centre_names().get(case.owner_id)
    if owner is None:
        return case_response(request, case, 201)
    body = case_out(case, owner_name=owner)
    for name in MOMENTS:
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


@api.post("/cases", response={201: schemas.CaseOut, **ERRORS}, tags=["cases"])
def create_case(request: HttpRequest, payload: schemas.CaseIn) -> HttpResponse:
    """Staff take a request (from a call, a visit, another system)."""
    user = user_of(request)
    if not payload.division.startswith(user.jurisdiction):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    return _created(request, lambda: _submit(payload, Channel.API, user))


def _admitted(request: HttpRequest, payload: schemas.CaseIn) -> Case:
    """The public submission, within the limits the portal shares (jiceng.cases.admission)."""
    try:
        return admission.admit(
            address=address_of(request),
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
