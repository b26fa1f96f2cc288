"""A resident follows their case with its number and the last four digits of their phone."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja.errors import HttpError

from jiceng.api import schemas
from jiceng.api.native.access import address_of
from jiceng.api.native.app import ERRORS, api
from jiceng.cases import public
from jiceng.cases.models import State


@api.get(
    "/public/cases/{number}",
    response={200: schemas.PublicCaseOut, 429: schemas.ErrorOut, **ERRORS},
    auth=None,
    tags=["public"],
)
def public_case(request: HttpRequest, number: str, phone_last4: str) -> dict[str, Any]:
    """A resident follows their case: its number and the last four digits of their phone."""
    if not public.lookup_allowed(address_of(request)):
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
