"""The roster template's columns: its Chinese headers, its yes/no columns, what is hidden."""

from __future__ import annotations

import re

from jiceng.people.health import HEALTH_FLAGS

HEADERS = [
    "户号", "网格编号", "地址", "低保户", "姓名", "身份证号", "联系电话", "出生日期",
    "户主", "独居老人", "留守儿童", "残疾", "特困供养", "退役军人", "在校学生",
    "户籍地代码", "备注",
]  # fmt: skip
FLAGS = {
    "户主": "is_household_head",
    "独居老人": "elderly_alone",
    "留守儿童": "left_behind_child",
    "残疾": "disability",
    "特困供养": "extreme_poverty",
    "退役军人": "veteran",
    "在校学生": "in_school",
}
YES, NO = {"是", "1", "Y", "y", "√"}, {"否", "", "0", "N", "n"}
ID_RE = re.compile(r"^\d{17}[\dX]$")
PHONE_RE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$")
MAX_ROWS = 5000
# Health marks: read on import, never written out in clear (see jiceng.people.health).
PROTECTED_FLAGS = frozenset(HEALTH_FLAGS)
HIDDEN = "●●●"
