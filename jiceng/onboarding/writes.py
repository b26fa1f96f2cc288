"""The writes of an onboarding, each keyed so that a second run changes nothing.

Departments are keyed by short name within the county, staff by username, catalogue
lines by (county, category, tier), grids by their code. Called inside the onboarding's
transaction, after every row has been checked.
"""

from __future__ import annotations

from collections import Counter

from jiceng.cases.models import DispatchRule
from jiceng.onboarding.keep import keep
from jiceng.onboarding.plan import Plan
from jiceng.onboarding.staff_writes import write_staff
from jiceng.people.models import Unit, UnitKind
from jiceng.places.models import Grid


def apply(plan: Plan, counts: Counter[str]) -> None:
    departments = _departments(plan, counts)
    for staff in plan.staff:
        write_staff(plan.county, staff, departments, counts)
    for (category, tier), slug in plan.catalogue.items():
        unit = departments[slug] if slug else None
        keep(DispatchRule, "rules", counts, {"county": plan.county, "category_id": category,
              "tier": tier}, {"unit": unit})  # fmt: skip
    for code, (name, village) in plan.grids.items():
        keep(Grid, "grids", counts, {"code": code}, {"name": name, "village_id": village})


def _departments(plan: Plan, counts: Counter[str]) -> dict[str, Unit]:
    found = {u.slug: u for u in Unit.objects.filter(division=plan.county, kind=UnitKind.DEPARTMENT)}
    for slug, (name, active) in plan.departments.items():
        key = {"division": plan.county, "kind": UnitKind.DEPARTMENT, "slug": slug}
        found[slug] = keep(Unit, "departments", counts, key, {"name": name, "active": active})  # type: ignore[assignment]
    return found
