"""Households in and out of Excel, in the roster template village offices already keep.

One row per person; rows with the same 户号 are one household. The template,
its headers and the error report are Chinese by design: they are the village
office's own document, not part of the translated interface.

Import checks every row first. With errors, nothing is written unless the user
chose to import only the valid rows. Importing the same file again changes
nothing: households are keyed by 户号 within the village, people by ID number
within the household. The export masks names, phones and ID numbers, hides
health marks (残疾) and the note, and the shared writer neutralises anything a
spreadsheet would run as a formula.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, BinaryIO

from django.db import transaction
from django.utils import timezone
from openpyxl import load_workbook

from jiceng.core import clock, crypto
from jiceng.core.errors import InvalidInput
from jiceng.core.exports import CellValue, Column, xlsx_bytes
from jiceng.fieldwork.scope import field_village
from jiceng.people.health import HEALTH_FLAGS
from jiceng.people.models import Household, Resident, User
from jiceng.places.models import Grid

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


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportReport:
    households_created: int = 0
    people_created: int = 0
    people_updated: int = 0
    unchanged: int = 0
    skipped_rows: int = 0
    written: bool = False
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        if self.errors and not self.written:
            return (
                f"文件有 {len(self.errors)} 处错误，未导入任何数据。"
                "请下载错误清单，改正后重新导入。"
            )
        return (
            f"新建 {self.households_created} 户、{self.people_created} 人；"
            f"更新 {self.people_updated} 人；未变 {self.unchanged} 人；"
            f"跳过有错误的行 {self.skipped_rows} 行。"
        )

    def error_file(self) -> bytes:
        columns = [Column("行号", "integer"), Column("列"), Column("问题")]
        rows: list[list[CellValue]] = [[e.row, e.column, e.message] for e in self.errors]
        return xlsx_bytes(title="导入错误", columns=columns, rows=rows)


@dataclass
class _Row:
    number: int
    household: str
    grid: Grid
    address: str
    dibao: bool
    person: dict[str, Any]


def _id_check_digit(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class _Checker:
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
        text = _text(value)
        if not text and id_number:
            text = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
        if not text:
            return None
        try:
            return date.fromisoformat(text.replace("/", "-").replace(".", "-"))
        except ValueError:
            self.fail("出生日期", "日期格式应为 1950-03-15。")
            return None


def _check_row(
    number: int, cells: dict[str, object], grids: dict[str, Grid], errors: list[RowError]
) -> _Row | None:
    check = _Checker(number, errors)
    household = _text(cells["户号"])
    if not household:
        check.fail("户号", "户号不能为空。")
    grid = grids.get(_text(cells["网格编号"]))
    if grid is None:
        check.fail("网格编号", "网格编号不是本村的网格。")
    address = _text(cells["地址"])
    if not address or len(address) > 200:
        check.fail("地址", "地址不能为空，最多200字。")
    name = _text(cells["姓名"])
    if not name or len(name) > 50:
        check.fail("姓名", "姓名不能为空，最多50字。")
    id_number = _text(cells["身份证号"]).upper()
    if not ID_RE.match(id_number) or _id_check_digit(id_number[:17]) != id_number[17]:
        check.fail("身份证号", "身份证号应为18位，且校验位正确。")
        id_number = ""
    phone = re.sub(r"[\s()]", "", _text(cells["联系电话"]))
    if phone and not PHONE_RE.match(phone):
        check.fail("联系电话", "联系电话应为11位手机号或带区号的固定电话。")
    hukou = _text(cells["户籍地代码"])
    if hukou and (not hukou.isdigit() or len(hukou) > 12):
        check.fail("户籍地代码", "户籍地代码应为行政区划代码，如 330681。")
    person: dict[str, Any] = {
        "name": name,
        "id_number": id_number,
        "phone": phone,
        "birth_date": check.birth(cells["出生日期"], id_number),
        "hukou": hukou,
        "note": _text(cells["备注"])[:500],
        **{attr: check.flag(col, _text(cells[col])) for col, attr in FLAGS.items()},
    }
    dibao = check.flag("低保户", _text(cells["低保户"]))
    if not check.ok or grid is None:
        return None
    return _Row(number, household, grid, address, dibao, person)


def _read(file: BinaryIO) -> list[tuple[int, dict[str, object]]]:
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # any unreadable upload gets the same plain answer
        raise InvalidInput("无法读取这个文件，请上传 .xlsx 格式的花名册。", field="file") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [_text(c) for c in next(rows, ())]
    missing = [h for h in HEADERS if h not in header]
    if missing:
        raise InvalidInput(
            f"表头缺少这些列：{'、'.join(missing)}。请使用花名册模板。", field="file"
        )
    position = {h: header.index(h) for h in HEADERS}
    found = []
    for number, values in enumerate(rows, start=2):
        if not any(v not in (None, "") for v in values):
            continue
        padded = list(values) + [None] * len(header)
        found.append((number, {h: padded[i] for h, i in position.items()}))
        if len(found) > MAX_ROWS:
            raise InvalidInput(f"一次最多导入 {MAX_ROWS} 行。", field="file")
    return found


def households_import(*, file: BinaryIO, by: User, valid_rows_only: bool = False) -> ImportReport:
    """Check every row; write all, or (if chosen) the valid rows only; never half a file."""
    village = field_village(by)
    grids = {g.code: g for g in Grid.objects.filter(village_id=village)}
    report = ImportReport()
    checked = [_check_row(n, cells, grids, report.errors) for n, cells in _read(file)]
    valid = [row for row in checked if row is not None]
    report.skipped_rows = len(checked) - len(valid)
    if report.errors and not valid_rows_only:
        report.skipped_rows = 0
        return report
    seen: set[str] = set()
    with transaction.atomic():
        for row in valid:
            # The household's own columns are read from its first row in the file.
            _write(row, village, report, first=row.household not in seen)
            seen.add(row.household)
    report.written = True
    return report


def _write(row: _Row, village: str, report: ImportReport, *, first: bool) -> None:
    home = Household.objects.filter(grid__village_id=village, number=row.household).first()
    if home is None:
        home = Household.objects.create(
            grid=row.grid, address=row.address, number=row.household, dibao=row.dibao
        )
        report.households_created += 1
    elif first and (home.grid_id, home.address, home.dibao) != (
        row.grid.pk,
        row.address,
        row.dibao,
    ):
        home.grid, home.address, home.dibao = row.grid, row.address, row.dibao
        home.save(update_fields=["grid", "address", "dibao"])
    person = next((p for p in home.members.all() if p.id_number == row.person["id_number"]), None)
    if person is None:
        person = Resident(household=home)
        report.people_created += 1
    elif all(getattr(person, k) == v for k, v in row.person.items()):
        report.unchanged += 1
        return
    else:
        report.people_updated += 1
    for key, value in row.person.items():
        if key == "phone":
            person.set_phone(value)
        else:
            setattr(person, key, value)
    person.save()


def households_export(*, by: User) -> bytes:
    """The village's roster in the same template, with personal data masked."""
    village = field_village(by)
    people = (
        Resident.objects.filter(household__grid__village_id=village, moved_away_on__isnull=True)
        .select_related("household", "household__grid")
        .defer("health", "health_note", "note")  # not exported: not decrypted either
        .order_by("household__number", "household_id", "-is_household_head", "id")
    )
    yes = {True: "是", False: "否"}
    rows: list[list[CellValue]] = []
    for p in people:
        home = p.household
        assert home is not None
        rows.append(
            [
                home.number, home.grid.code, home.address, yes[home.dibao],
                crypto.mask_name(p.name), crypto.mask_id_number(p.id_number),
                crypto.mask_phone(p.phone) if p.phone else "", p.birth_date,
                *[HIDDEN if attr in PROTECTED_FLAGS else yes[bool(getattr(p, attr))]
                  for attr in FLAGS.values()],
                p.hukou, "",
            ]
        )  # fmt: skip
    stamp = timezone.localdate(clock.now()).isoformat()
    return xlsx_bytes(title=f"花名册 {stamp}", columns=[Column(h) for h in HEADERS], rows=rows)


def template_bytes() -> bytes:
    return xlsx_bytes(title="花名册", columns=[Column(h) for h in HEADERS], rows=[])


def workbook(rows: list[list[object]]) -> io.BytesIO:
    """An .xlsx roster from rows under the template headers (for tests and tools)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out
