"""The county workbook: its sheets and columns, the empty template, and reading it back.

Like the village roster (``fieldwork.excel``), the workbook, its headers and its error
messages are Chinese by design: it is the county office's own document, filled in by
the people who know the county, not part of the translated interface.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from jiceng.cases.models import Category

DEPARTMENTS, STAFF, CATALOGUE, GRIDS = "部门", "人员", "派单目录", "网格"
SHEETS: dict[str, list[str]] = {
    DEPARTMENTS: ["简称", "名称", "启用"],
    STAFF: ["用户名", "姓名", "角色", "所在单位", "在职"],
    CATALOGUE: ["类别", "层级", "责任部门"],
    GRIDS: ["网格编号", "网格名称", "村（社区）代码"],
}
MAX_ROWS = 5000
GUIDE = [
    "县（区）上线工作簿：填好后运行 jiceng onboard-county 县区代码 --workbook 文件.xlsx，",
    "或由县级管理员在“上线”页面上传。同一文件可以反复导入：已有的会更新，不会重复创建。",
    "有任何一处错误时，什么都不会写入；错误清单写明工作表、行号和问题。",
    "",
    "部门：简称用小写字母、数字或连字符（如 water），名称如“某某市水务局”；启用填 是/否。",
    "人员：角色填 受理员、乡镇干部、村社区干部、网格员、部门人员、领导、县级管理员 之一。",
    "  所在单位：部门人员填部门简称；乡镇干部填乡镇（街道）代码（9 位）；",
    "  村社区干部和网格员填村（社区）代码（12 位）；受理员、领导、县级管理员留空。",
    "  在职填 否 即停用账号（不删除，历史记录仍在）。新账号没有密码，",
    "  由管理员运行 jiceng manage changepassword 用户名 设置初始密码。",
    "  至少要有一名在职的受理员，县（区）才开始受理群众诉求。",
    "派单目录：类别填下表的代码或名称；层级填 村、乡镇 或 县；",
    "  责任部门填部门简称，留空表示由诉求所在村、乡镇或县政府负责。",
    "网格：网格编号全国唯一（如 村代码 + 两位序号），村（社区）代码 12 位。",
    "",
    "类别代码 / 名称：",
]


@dataclass(frozen=True)
class Row:
    sheet: str
    number: int  # as Excel shows it: the header is row 1
    cells: dict[str, str]


class Unreadable(Exception):
    """The file is not a workbook in this template; the message says what to do."""


def template_bytes() -> bytes:
    """The empty workbook: a guide sheet, then one sheet per kind of row, headers only."""
    book = Workbook()
    guide = book.active
    assert guide is not None
    guide.title = "说明"
    for line in GUIDE:
        guide.append([line])
    for category in Category.objects.filter(active=True):
        guide.append([f"  {category.code}", category.name])
    for name, headers in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number
    return str(value).strip()


def read(file: BinaryIO) -> list[Row]:
    """Every non-empty row of the four sheets, in sheet order."""
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # any unreadable upload gets the same plain answer
        raise Unreadable("无法读取这个文件，请使用 .xlsx 格式的上线工作簿模板。") from None
    rows: list[Row] = []
    for name, headers in SHEETS.items():
        if name not in book.sheetnames:
            raise Unreadable(f"缺少工作表“{name}”。请使用上线工作簿模板。")
        values = book[name].iter_rows(values_only=True)
        header = [_text(c) for c in next(values, ())]
        missing = [h for h in headers if h not in header]
        if missing:
            raise Unreadable(f"工作表“{name}”缺少这些列：{'、'.join(missing)}。")
        where = {h: header.index(h) for h in headers}
        for number, line in enumerate(values, start=2):
            cells = list(line) + [None] * len(header)
            found = {h: _text(cells[i]) for h, i in where.items()}
            if any(found.values()):
                rows.append(Row(name, number, found))
        if len(rows) > MAX_ROWS:
            raise Unreadable(f"一次最多导入 {MAX_ROWS} 行。")
    return rows


def workbook(sheets: dict[str, list[list[object]]]) -> io.BytesIO:
    """A workbook in the template from rows per sheet (for tests and tools)."""
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, headers in SHEETS.items():
        sheet = book.create_sheet(name)
        sheet.append(headers)
        for line in sheets.get(name, []):
            sheet.append(line)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out
