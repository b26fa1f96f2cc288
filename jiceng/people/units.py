"""Finding (and, on first use, creating) the unit that stands for a division."""

from __future__ import annotations

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
