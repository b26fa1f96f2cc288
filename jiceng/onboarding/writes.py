"""The writes of an onboarding, each keyed so that a second run changes nothing.

Departments are keyed by short name within the county, staff by username, catalogue
lines by (county, category, tier), grids by their code. Called inside the onboarding's
transaction, after every row has been checked.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Model

from jiceng.cases.models import DispatchRule
from jiceng.onboarding.plan import Plan, Staff
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.people.units import unit_for_code
from jiceng.places.models import Division, Grid


def apply(plan: Plan, counts: Counter[str]) -> None:
    departments = _departments(plan, counts)
    for staff in plan.staff:
        _staff(plan.county, staff, departments, counts)
    for (category, tier), slug in plan.catalogue.items():
        unit = departments[slug] if slug else None
        _keep(DispatchRule, "rules", counts, {"county": plan.county, "category_id": category,
              "tier": tier}, {"unit": unit})  # fmt: skip
    for code, (name, village) in plan.grids.items():
        _keep(Grid, "grids", counts, {"code": code}, {"name": name, "village_id": village})


def _keep(
    model: type[Model], what: str, counts: Counter[str], key: dict[str, Any], values: dict[str, Any]
) -> Model:
    """The row with ``key``, created or brought to ``values``; counted either way."""
    row = model._default_manager.filter(**key).first()
    if row is None:
        counts[f"{what}_created"] += 1
        return model._default_manager.create(**key, **values)
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if changed:
        for name in changed:
            setattr(row, name, values[name])
        row.save(update_fields=changed)
        counts[f"{what}_updated"] += 1
    return row


def _departments(plan: Plan, counts: Counter[str]) -> dict[str, Unit]:
    found = {u.slug: u for u in Unit.objects.filter(division=plan.county, kind=UnitKind.DEPARTMENT)}
    for slug, (name, active) in plan.departments.items():
        key = {"division": plan.county, "kind": UnitKind.DEPARTMENT, "slug": slug}
        found[slug] = _keep(Unit, "departments", counts, key, {"name": name, "active": active})  # type: ignore[assignment]
    return found


def _unit_of(county: Division, staff: Staff, departments: dict[str, Unit]) -> Unit | None:
    if staff.role == Role.DEPARTMENT_STAFF:
        return departments[staff.place]
    if staff.role == Role.DISPATCHER:
        return unit_for_code(county.code, UnitKind.DISPATCH)
    return unit_for_code(staff.place or county.code)


def _staff(
    county: Division, staff: Staff, departments: dict[str, Unit], counts: Counter[str]
) -> None:
    unit = _unit_of(county, staff, departments)
    values = {"first_name": staff.name, "role": staff.role, "unit": unit, "is_active": staff.active}
    user = User.objects.filter(username=staff.username).first()
    if user is None:
        user = User(username=staff.username, **values)
        user.set_unusable_password()  # an administrator sets the first password
        user.save()
        counts["staff_created"] += 1
        return
    _keep(User, "staff", counts, {"pk": user.pk}, values)


def open_county(county: Division) -> bool:
    """Activate the county's dispatch centre once it has an active dispatcher."""
    centre = unit_for_code(county.code, UnitKind.DISPATCH)
    assert centre is not None  # ensure_units made it
    staffed = centre.members.filter(role=Role.DISPATCHER, is_active=True).exists()
    if staffed and not centre.active:
        centre.active = True
        centre.save(update_fields=["active"])  # the save forgets the intake routes
    return centre.active
