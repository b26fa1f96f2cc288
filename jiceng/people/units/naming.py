"""The kind of unit each level of division has, and the name a new unit gets."""

from __future__ import annotations

from jiceng.people.models import UnitKind
from jiceng.places.models import Division, Level

KIND_OF_LEVEL: dict[str, str] = {
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
