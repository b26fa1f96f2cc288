"""Finding (and, on first use, creating) the unit that stands for a division."""

from __future__ import annotations

import time

from jiceng.people.models import Unit, UnitKind
from jiceng.places.models import Division, Level

_KIND_OF_LEVEL: dict[str, str] = {
    Level.VILLAGE: UnitKind.VILLAGE,
    Level.TOWNSHIP: UnitKind.TOWNSHIP,
    Level.COUNTY: UnitKind.COUNTY,
}


def default_name(division: Division, kind: str) -> str:
    # Unit names are data, written once in the deployment's language, never translated later.
    if kind == UnitKind.DISPATCH:
        return f"{division.name}12345热线受理中心"
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
        defaults={"name": default_name(division, kind)},
    )
    return unit


def unit_for_code(code: str, kind: str | None = None) -> Unit | None:
    """Like :func:`unit_for_division` from a code alone; None if the division is unknown.

    The unit usually exists already, so this costs one query, not two.
    """
    from jiceng.places.models import LEVEL_BY_LENGTH

    kind = kind or _KIND_OF_LEVEL.get(LEVEL_BY_LENGTH.get(len(code), ""), "")
    unit = Unit.objects.filter(division_id=code, kind=kind, slug="").first()
    if unit is not None:
        return unit
    division = Division.objects.filter(code=code).first()
    return None if division is None else unit_for_division(division, kind or None)


def dispatch_centre(county: Division | str) -> Unit:
    code = county if isinstance(county, str) else county.code
    unit = unit_for_code(code, UnitKind.DISPATCH)
    if unit is None:
        raise Division.DoesNotExist(f"county {code} is not in the division table")
    return unit


# --- intake routing, cached ----------------------------------------------------------------
# Every submission needs its village and the county's dispatch centre. Both are reference
# data that change only on an import or an admin edit, so each process keeps what it has
# looked up; saving or deleting a division or unit in this process forgets it at once, and
# ROUTE_TTL bounds how long another process's edit can go unseen.
ROUTE_TTL = 300.0
_ROUTE_LIMIT = 50_000
_routes: dict[str, tuple[float, str, str, int]] = {}


def forget_intake_routes(**_kwargs: object) -> None:
    _routes.clear()


def intake_route(code: str) -> tuple[Division, int] | None:
    """The village with this code and its county's dispatch centre id; None if no such village."""
    cached = _routes.get(code)
    if cached is None or cached[0] < time.monotonic():
        cached = _load_route(code)
        if cached is None:
            return None  # unknown codes are not cached: junk input must not fill memory
    _expires, name, parent_id, centre_id = cached
    village = Division(code=code, name=name, level=Level.VILLAGE, parent_id=parent_id)
    return village, centre_id


def _load_route(code: str) -> tuple[float, str, str, int] | None:
    found = (
        Division.objects.filter(code=code, level=Level.VILLAGE)
        .values_list("name", "parent_id")
        .first()
    )
    if found is None:
        return None
    if len(_routes) >= _ROUTE_LIMIT:
        _routes.clear()
    route = (time.monotonic() + ROUTE_TTL, found[0], found[1], dispatch_centre(code[:6]).pk)
    _routes[code] = route
    return route
