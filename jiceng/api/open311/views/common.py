"""What every Open311 view shares: refusals in the spec's error format, parameters, the county."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from jiceng.api import reference
from jiceng.api.idempotency.refusals import KeyInProgress, KeyReused
from jiceng.api.open311.render import error
from jiceng.cases.models import Category
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import UnitKind
from jiceng.people.units import not_onboarded, unit_for_code

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


def param(request: HttpRequest, name: str) -> str:
    return (request.POST.get(name) or request.GET.get(name) or "").strip()


def county_of(request: HttpRequest) -> str:
    """The county the request is about: ``jurisdiction_id``, needed when there are several."""
    counties = reference.county_codes()
    wanted = param(request, "jurisdiction_id")
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


def category_of(code: str) -> Category:
    category = reference.active_categories().get(code)
    if category is None:
        raise Refused(404, _("service_code %(code)s was not found.") % {"code": code})
    return category
