"""Creating a request: an API key's user submits it through ``case_submit``, idempotently."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils.translation import gettext as _

from jiceng.api import reference
from jiceng.api.idempotency.claims import idempotent
from jiceng.api.open311.categories import definition, notice
from jiceng.api.open311.render import respond
from jiceng.api.open311.views.common import Refused, category_of, county_of, param
from jiceng.api.services.lookup import apikey_user
from jiceng.cases import services
from jiceng.cases.models import Case, Category, Channel, TimeLimit
from jiceng.people.models import User
from jiceng.places.models import Division, Level

_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_ATTRIBUTE = re.compile(r"^attribute\[([^\]]+)\](\[\])?$")


def _key_user(request: HttpRequest) -> User:
    user = apikey_user(param(request, "api_key"))
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
    known = {item["code"] for item in definition(category)["attributes"]}
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
    address_id = param(request, "address_id")
    if address_id:
        if not address_id.startswith(county):
            raise Refused(400, _("address_id must be a village division code of this county."))
        return address_id
    text = param(request, "address_string")
    if text:
        return _village_named(text, county).code
    if param(request, "lat") or param(request, "long"):
        raise Refused(400, _("lat/long alone cannot be placed: add address_id or address_string."))
    raise Refused(400, _("A location is required: address_id, address_string or lat/long."))


def _description(request: HttpRequest) -> str:
    description = param(request, "description")
    if _HTML.search(description):
        raise Refused(400, _("description must be plain text, without HTML."))
    return description


def _limit(case: Case) -> TimeLimit:
    # What ``cases.services.time_limit_for`` answers, without reading the tables again.
    code = reference.limit_code(case.category.time_limit_id, case.urgency)
    return reference.time_limits()[code]


def create_request(request: HttpRequest, fmt: str) -> HttpResponse:
    user = _key_user(request)
    county = county_of(request)
    code = param(request, "service_code")
    if not code:
        raise Refused(400, _("service_code is required."))
    category = category_of(code)
    _check_attributes(request.POST, category)
    division = _location(request, county)
    if not division.startswith(user.jurisdiction):
        raise Refused(403, _("This api_key may not submit requests for that location."))
    description = _description(request)
    if not param(request, "phone"):
        raise Refused(400, _("phone is required: Jiceng calls every resident back."))

    def work() -> HttpResponse:
        case = services.case_submit(
            category=category,
            description=description,
            division_code=division,
            contact_phone=param(request, "phone"),
            contact_name=param(request, "last_name") + param(request, "first_name"),
            address=param(request, "address_string"),
            channel=Channel.OPEN311,
            by=user,
        )
        row = {
            "service_request_id": case.number,
            "service_notice": notice(_limit(case)),
            "account_id": param(request, "account_id") or None,
        }
        return respond(fmt, "service_requests", [row])

    return idempotent(request, f"user:{user.pk}", work)
