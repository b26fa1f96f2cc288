"""Checking one roster row: every problem named by its column, in the office's words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from jiceng.fieldwork.excel.report import RowError
from jiceng.fieldwork.excel.roster import FLAGS, ID_RE, NO, PHONE_RE, YES
from jiceng.places.models import Grid


@dataclass
class Row:
    number: int
    household: str
    grid: Grid
    address: str
    dibao: bool
    person: dict[str, Any]


def id_check_digit(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class Checker:
    def __init__(self, number: int, errors: list[RowError]) -> None:
        self.number, self.errors, self.ok = number, errors, True

    def fail(self, column: str, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))
        self.ok = False

    def flag(self, column: str, value: str) -> bool:
        if value not in YES | NO:
            self.fail(column, "请填“是”或“否”（也可留空表示否）。")
        return value in YES

    def birth(self, value: object, id_number: str) -> date | None:
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        text = cell_text(value)
        if not text and id_number:
            text = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
        if not text:
            return None
        try:
            return date.fromisoformat(text.replace("/", "-").replace(".", "-"))
        except ValueError:
            self.fail("出生日期", "日期格式应为 1950-03-15。")
            return None


def check_row(
    number: int, cells: dict[str, object], grids: dict[str, Grid], errors: list[RowError]
) -> Row | None:
    check = Checker(number, errors)
    household = cell_text(cells["户号"])
    if not household:
        check.fail("户号", "户号不能为空。")
    grid = grids.get(cell_text(cells["网格编号"]))
    if grid is None:
        check.fail("网格编号", "网格编号不是本村的网格。")
    address = cell_text(cells["地址"])
    if not address or len(address) > 200:
        check.fail("地址", "地址不能为空，最多200字。")
    name = cell_text(cells["姓名"])
    if not name or len(name) > 50:
        check.fail("姓名", "姓名不能为空，最多50字。")
    id_number = cell_text(cells["身份证号"]).upper()
    if not ID_RE.match(id_number) or id_check_digit(id_number[:17]) != id_number[17]:
        check.fail("身份证号", "身份证号应为18位，且校验位正确。")
        id_number = ""
    phone = re.sub(r"[\s()]", "", cell_text(cells["联系电话"]))
    if phone and not PHONE_RE.match(phone):
        check.fail("联系电话", "联系电话应为11位手机号或带区号的固定电话。")
    hukou = cell_text(cells["户籍地代码"])
    if hukou and (not hukou.isdigit() or len(hukou) > 12):
        check.fail("户籍地代码", "户籍地代码应为行政区划代码，如 330681。")
    person: dict[str, Any] = {
        "name": name,
        "id_number": id_number,
        "phone": phone,
        "birth_date": check.birth(cells["出生日期"], id_number),
        "hukou": hukou,
        "note": cell_text(cells["备注"])[:500],
        **{attr: check.flag(col, cell_text(cells[col])) for col, attr in FLAGS.items()},
    }
    dibao = check.flag("低保户", cell_text(cells["低保户"]))
    if not check.ok or grid is None:
        return None
    return Row(number, household, grid, address, dibao, person)
