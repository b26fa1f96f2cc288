"""Finding (and, on first use, creating) the unit that stands for a division."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.people.models import Unit, UnitKind
from jiceng.places.models import Division, Level

_KIND_OF_LEVEL: dict[str, str] = {
    Level.VILLAGE: UnitKind.VILLAGE,
    Level.TOWNSHIP: UnitKind.TOWNSHIP,
    Level.COUNTY: UnitKind.COUNTY,
}


def _default_name(division: Division, kind: str) -> str:
    if kind == UnitKind.DISPATCH:
        return _("%(county)s hotline dispatch centre") % {"county": division.name}
    if kind == UnitKind.TOWNSHIP:
        suffix = "办事处" if division.name.endswith("街道") else "人民政府"
        return f"{division.name}{suffix}"
    if kind == UnitKind.COUNTY:
        return f"{division.name}人民政府"
    return division.name


def unit_for_division(division: Division, kind: str | None = None) -> Unit:
    """The division's own unit (village committee, township government, county government)."""
    kind = kind or _KIND_OF_LEVEL[division.level]
    unit, _created = Unit.objects.get_or_create(
        division=division,
        kind=kind,
        slug="",
        defaults={"name": _default_name(division, kind)},
    )
    return unit


def county_code(code: str) -> str:
    return code[:6]


def dispatch_centre(county: Division) -> Unit:
    return unit_for_division(county, UnitKind.DISPATCH)
