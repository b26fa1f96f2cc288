"""A workbook checked against the county: what it asks for, or every problem with its row.

Nothing here writes. Every row is checked before anything is written, so a workbook
with one mistake writes nothing and the county office gets the whole list at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.auth.validators import UnicodeUsernameValidator

from jiceng.onboarding.workbook import CATALOGUE, DEPARTMENTS, GRIDS, STAFF, Row
from jiceng.people.models import Role, User
from jiceng.places.models import Division

ROLES = {
    "受理员": Role.DISPATCHER,
    "乡镇干部": Role.TOWNSHIP_STAFF,
    "村社区干部": Role.VILLAGE_CADRE,
    "网格员": Role.GRID_WORKER,
    "部门人员": Role.DEPARTMENT_STAFF,
    "领导": Role.LEADER,
    "县级管理员": Role.COUNTY_ADMIN,
}
TIERS = {"村": "village", "乡镇": "township", "县": "county"}
YES, NO = {"是", "1", "y", "Y", ""}, {"否", "0", "n", "N"}
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
USERNAME_RE = re.compile(UnicodeUsernameValidator.regex)


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"第 {self.row} 行" if self.row else "整表"
        return (
            f"工作表“{self.sheet}”{where}"
            + (f"“{self.column}”列" if self.column else "")
            + f"：{self.message}"
        )


@dataclass
class Staff:
    username: str
    name: str
    role: str
    place: str  # a division code, a department's short name, or "" for the county itself
    active: bool


@dataclass
class Plan:
    county: Division
    departments: dict[str, tuple[str, bool]] = field(default_factory=dict)
    staff: list[Staff] = field(default_factory=list)
    catalogue: dict[tuple[str, str], str] = field(default_factory=dict)  # → department or ""
    grids: dict[str, tuple[str, str]] = field(default_factory=dict)  # code → (name, village)
    problems: list[Problem] = field(default_factory=list)

    def problem(self, row: Row, column: str, message: str) -> None:
        self.problems.append(Problem(row.sheet, row.number, column, message))


def yes_no(plan: Plan, row: Row, column: str) -> bool:
    value = row.cells[column]
    if value not in YES | NO:
        plan.problem(row, column, f"应填 是 或 否，而不是“{value}”。")
    return value not in NO


def check_department(plan: Plan, row: Row, known: set[str]) -> None:
    slug, name = row.cells["简称"], row.cells["名称"]
    if not SLUG_RE.match(slug):
        plan.problem(row, "简称", "简称用小写字母、数字或连字符，最长 40 个字符，如 water。")
    elif slug in plan.departments:
        plan.problem(row, "简称", f"部门“{slug}”在本表中出现了两次。")
    if not name or len(name) > 100:
        plan.problem(row, "名称", "名称必填，最长 100 个字。")
    plan.departments[slug] = (name, yes_no(plan, row, "启用"))
    known.add(slug)


def check_staff(plan: Plan, row: Row, departments: set[str], seen: set[str]) -> None:
    cells = row.cells
    username, role = cells["用户名"], ROLES.get(cells["角色"], "")
    if not USERNAME_RE.match(username) or len(username) > 150:
        plan.problem(row, "用户名", "用户名必填，只用字母、数字和 @ . + - _。")
    elif username in seen:
        plan.problem(row, "用户名", f"用户名“{username}”在本表中出现了两次。")
    seen.add(username)
    if not role:
        plan.problem(row, "角色", f"角色应为 {'、'.join(ROLES)} 之一。")
    place = cells["所在单位"]
    problem = _place_problem(plan.county.code, role, place, departments) if role else ""
    if problem:
        plan.problem(row, "所在单位", problem)
    if len(cells["姓名"]) > 150:
        plan.problem(row, "姓名", "姓名最长 150 个字。")
    active = yes_no(plan, row, "在职")
    plan.staff.append(Staff(username, cells["姓名"], role, place, active))


def _place_problem(county: str, role: str, place: str, departments: set[str]) -> str:
    if role == Role.DEPARTMENT_STAFF:
        return "" if place in departments else "部门人员要填“部门”表中的部门简称。"
    lengths: dict[str, int] = {Role.TOWNSHIP_STAFF: 9, Role.VILLAGE_CADRE: 12, Role.GRID_WORKER: 12}
    length = lengths.get(role)
    if length is None:
        return "" if place in ("", county) else "受理员、领导和县级管理员的所在单位留空。"
    if len(place) != length or not place.startswith(county):
        what = "乡镇（街道）" if length == 9 else "村（社区）"
        return f"要填本县（区）{county} 下某个{what}的 {length} 位代码。"
    if not Division.objects.filter(code=place).exists():
        return f"区划代码 {place} 不存在，请先导入区划或核对代码。"
    return ""


def check_staff_owners(plan: Plan, rows: dict[str, Row]) -> None:
    """An account that exists elsewhere is never taken over by this county's workbook."""
    for user in User.objects.filter(username__in=list(rows)).select_related("unit"):
        elsewhere = user.is_superuser or user.role == Role.ADMIN
        elsewhere = elsewhere or not user.jurisdiction.startswith(plan.county.code)
        if elsewhere:
            plan.problem(rows[user.username], "用户名", "这个用户名已被其他县（区）或管理员使用。")


def sheet_of(rows: list[Row], name: str) -> list[Row]:
    return [row for row in rows if row.sheet == name]


__all__ = ["CATALOGUE", "DEPARTMENTS", "GRIDS", "STAFF", "Plan", "Problem", "Staff"]
