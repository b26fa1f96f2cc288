"""How an onboarding ends: the workbook refused with its problems, or a report of its work."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from jiceng.core.errors import InvalidInput
from jiceng.onboarding.plan import Problem
from jiceng.places.models import Division


class WorkbookInvalid(InvalidInput):
    """The workbook has problems; nothing was written. ``problems`` lists each with its row."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"上线工作簿有 {len(problems)} 处错误，未写入任何数据。", field="workbook")


@dataclass
class Report:
    county: Division
    counts: Counter[str] = field(default_factory=Counter)
    opened: bool = False

    def summary(self) -> str:
        c = self.counts
        lines = [
            f"{self.county.name}（{self.county.code}）上线完成：",
            f"单位 新建 {c['units_created']}；部门 新建 {c['departments_created']}、"
            f"更新 {c['departments_updated']}；",
            f"人员 新建 {c['staff_created']}、更新 {c['staff_updated']}；"
            f"派单目录 新建 {c['rules_created']}、更新 {c['rules_updated']}；"
            f"网格 新建 {c['grids_created']}、更新 {c['grids_updated']}。",
            "已开始受理群众诉求。" if self.opened else "尚未开始受理。",
        ]
        return "\n".join(lines)
