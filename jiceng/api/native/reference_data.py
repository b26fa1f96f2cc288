"""Reference data: the categories, the divisions and the dispatch catalogue."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from jiceng.api import schemas
from jiceng.api.native.access import user_of
from jiceng.api.native.app import ERRORS, api
from jiceng.cases.models import Category, DispatchRule
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.places.models import CODE_LENGTHS, Division


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
    user = user_of(request)
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
