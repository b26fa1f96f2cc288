"""The county's set-up as it stands, in the workbook's own layout: edit it and import it again."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.cases.models import DispatchRule
from jiceng.onboarding.plan import ROLES, TIERS
from jiceng.onboarding.workbook import CATALOGUE, DEPARTMENTS, GRIDS, STAFF, workbook
from jiceng.people.models import Unit, UnitKind, User
from jiceng.places.models import Division, Grid

ROLE_NAMES: dict[str, str] = {role: name for name, role in ROLES.items()}
TIER_NAMES = {tier: name for name, tier in TIERS.items()}
YES = {True: "是", False: "否"}


@dataclass(frozen=True)
class Setup:
    """Counts shown on the county's onboarding page."""

    opened: bool
    departments: int
    staff: int
    dispatchers: int
    rules: int
    grids: int


def _staff(county: Division) -> list[User]:
    return list(
        User.objects.filter(unit__division__code__startswith=county.code)
        .select_related("unit")
        .order_by("role", "username")
    )


def county_setup(county: Division) -> Setup:
    centre = Unit.objects.filter(division=county, kind=UnitKind.DISPATCH, slug="").first()
    staff = _staff(county)
    return Setup(
        opened=bool(centre and centre.active),
        departments=Unit.objects.filter(division=county, kind=UnitKind.DEPARTMENT).count(),
        staff=sum(u.is_active for u in staff),
        dispatchers=sum(u.is_active and u.role == "dispatcher" for u in staff),
        rules=DispatchRule.objects.filter(county=county).count(),
        grids=Grid.objects.filter(village__code__startswith=county.code).count(),
    )


def _place(user: User) -> str:
    unit = user.unit
    assert unit is not None
    if unit.kind == UnitKind.DEPARTMENT:
        return unit.slug
    return unit.division_id if unit.kind in (UnitKind.TOWNSHIP, UnitKind.VILLAGE) else ""


def export_bytes(county: Division) -> bytes:
    """Departments, staff (no passwords), catalogue and grids of the county."""
    units = Unit.objects.filter(division=county, kind=UnitKind.DEPARTMENT).order_by("slug")
    rules = DispatchRule.objects.filter(county=county).select_related("unit")
    grids = Grid.objects.filter(village__code__startswith=county.code)
    sheets: dict[str, list[list[object]]] = {
        DEPARTMENTS: [[u.slug, u.name, YES[u.active]] for u in units],
        STAFF: [
            [u.username, u.first_name, ROLE_NAMES[u.role], _place(u), YES[u.is_active]]
            for u in _staff(county)
            if u.role in ROLE_NAMES
        ],
        CATALOGUE: [
            [r.category_id, TIER_NAMES[r.tier], r.unit.slug if r.unit else ""]
            for r in rules.order_by("category_id", "tier")
        ],
        GRIDS: [[g.code, g.name, g.village_id] for g in grids.order_by("code")],
    }
    return workbook(sheets).getvalue()
