"""Check a whole workbook against the county: departments and staff, catalogue and grids."""

from __future__ import annotations

from jiceng.cases.models import Category
from jiceng.onboarding.plan import (
    TIERS,
    Plan,
    Problem,
    check_department,
    check_staff,
    check_staff_owners,
    sheet_of,
)
from jiceng.onboarding.workbook import CATALOGUE, DEPARTMENTS, GRIDS, STAFF, Row
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.models import Division, Grid, Level


def check(county: Division, rows: list[Row]) -> Plan:
    """The workbook's plan for the county, with every problem found (none: safe to write)."""
    plan = Plan(county=county)
    departments = set(
        Unit.objects.filter(division=county, kind=UnitKind.DEPARTMENT).values_list(
            "slug", flat=True
        )
    )
    for row in sheet_of(rows, DEPARTMENTS):
        check_department(plan, row, departments)
    seen: set[str] = set()
    staff_rows = sheet_of(rows, STAFF)
    for row in staff_rows:
        check_staff(plan, row, departments, seen)
    check_staff_owners(plan, {row.cells["用户名"]: row for row in staff_rows})
    _check_catalogue(plan, sheet_of(rows, CATALOGUE), departments)
    _check_grids(plan, sheet_of(rows, GRIDS))
    _check_someone_answers(plan)
    return plan


def _check_catalogue(plan: Plan, rows: list[Row], departments: set[str]) -> None:
    categories = {c.code: c.code for c in Category.objects.all()}
    categories |= {c.name: c.code for c in Category.objects.all()}
    for row in rows:
        category = categories.get(row.cells["类别"], "")
        tier = TIERS.get(row.cells["层级"], "")
        unit = row.cells["责任部门"]
        if not category:
            plan.problem(row, "类别", f"没有“{row.cells['类别']}”这个类别，见“说明”表的类别清单。")
        if not tier:
            plan.problem(row, "层级", "层级应填 村、乡镇 或 县。")
        if unit and unit not in departments:
            plan.problem(row, "责任部门", f"“部门”表中没有简称为“{unit}”的部门。")
        if (category, tier) in plan.catalogue:
            plan.problem(row, "类别", "同一类别和层级在本表中出现了两次。")
        plan.catalogue[(category, tier)] = unit


def _check_grids(plan: Plan, rows: list[Row]) -> None:
    county = plan.county.code
    codes = [row.cells["村（社区）代码"] for row in rows]
    villages = set(
        Division.objects.filter(code__in=codes, level=Level.VILLAGE).values_list("code", flat=True)
    )
    taken = dict(
        Grid.objects.filter(code__in=[r.cells["网格编号"] for r in rows]).values_list(
            "code", "village_id"
        )
    )
    for row in rows:
        code, name, village = (
            row.cells["网格编号"],
            row.cells["网格名称"],
            row.cells["村（社区）代码"],
        )
        if not code or len(code) > 15:
            plan.problem(row, "网格编号", "网格编号必填，最长 15 个字符。")
        elif code in plan.grids:
            plan.problem(row, "网格编号", f"网格“{code}”在本表中出现了两次。")
        elif taken.get(code, village) != village:
            plan.problem(row, "网格编号", f"网格编号“{code}”已属于另一个村（社区）。")
        if not name or len(name) > 100:
            plan.problem(row, "网格名称", "网格名称必填，最长 100 个字。")
        if not village.startswith(county) or village not in villages:
            plan.problem(
                row, "村（社区）代码", f"要填本县（区）{county} 下某个村（社区）的 12 位代码。"
            )
        plan.grids[code] = (name, village)


def _check_someone_answers(plan: Plan) -> None:
    """A county opens only with someone to answer: at least one active dispatcher."""
    listed = {s.username for s in plan.staff}
    in_sheet = any(s.role == Role.DISPATCHER and s.active for s in plan.staff)
    already = (
        User.objects.filter(unit__division=plan.county, unit__kind=UnitKind.DISPATCH)
        .filter(role=Role.DISPATCHER, is_active=True)
        .exclude(username__in=listed)
        .exists()
    )
    if not (in_sheet or already):
        message = "至少要有一名在职的受理员，否则没有人受理群众的诉求。"
        plan.problems.append(Problem(STAFF, 0, "角色", message))
