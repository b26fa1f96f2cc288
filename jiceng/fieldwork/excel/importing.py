"""Importing a roster: every row checked first; all written, the valid ones, or none."""

from __future__ import annotations

from typing import BinaryIO

from django.db import transaction
from openpyxl import load_workbook

from jiceng.core.errors import InvalidInput
from jiceng.fieldwork.excel.checking import Row, cell_text, check_row
from jiceng.fieldwork.excel.report import ImportReport
from jiceng.fieldwork.excel.roster import HEADERS, MAX_ROWS
from jiceng.fieldwork.scope import field_village
from jiceng.people.models import Household, Resident, User
from jiceng.places.models import Grid


def _read(file: BinaryIO) -> list[tuple[int, dict[str, object]]]:
    try:
        book = load_workbook(file, read_only=True, data_only=True)
    except Exception:  # any unreadable upload gets the same plain answer
        raise InvalidInput("无法读取这个文件，请上传 .xlsx 格式的花名册。", field="file") from None
    sheet = book.worksheets[0]
    rows = sheet.iter_rows(values_only=True)
    header = [cell_text(c) for c in next(rows, ())]
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
    checked = [check_row(n, cells, grids, report.errors) for n, cells in _read(file)]
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


def _write(row: Row, village: str, report: ImportReport, *, first: bool) -> None:
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
