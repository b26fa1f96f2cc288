"""Households from the village office's Excel roster: checked, all or nothing, idempotent."""

from __future__ import annotations

import io

import pytest
from django.db import connection
from fieldwork.households import grid
from openpyxl import load_workbook

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.fieldwork.excel import households_export, households_import, workbook
from jiceng.people.models import Household, Resident, User

from factories import TIANZHU

GRID = f"{TIANZHU}001"


def _row(number: str, name: str, id_number: str, **cells: str) -> list[object]:
    values = {
        "户号": number, "网格编号": GRID, "地址": "天竺社区新街12号", "低保户": "否",
        "姓名": name, "身份证号": id_number, "联系电话": "13900001111", "出生日期": "",
        "户主": "是", "独居老人": "", "留守儿童": "", "残疾": "", "特困供养": "",
        "退役军人": "", "在校学生": "", "户籍地代码": "330681", "备注": "",
    }  # fmt: skip
    values.update(cells)
    return list(values.values())


GOOD = [
    _row("0001", "王秀英", "330681194403150026", 独居老人="是"),
    _row("0002", "李建国", "33068119800601001X", 低保户="是"),
    _row(
        "0002", "李小雨", "330681201409010027", 户主="否", 在校学生="是", 联系电话="", 低保户="是"
    ),
]


@pytest.fixture
def cadre(users: dict[str, User]) -> User:
    grid(TIANZHU)
    return users["cadre"]


def test_a_clean_file_creates_households_and_people_with_birth_dates_from_id(cadre: User) -> None:
    report = households_import(file=workbook(GOOD), by=cadre)
    assert (report.households_created, report.people_created, report.errors) == (2, 3, [])
    child = next(p for p in Resident.objects.all() if p.name == "李小雨")
    assert (str(child.birth_date), child.in_school, child.household.dibao) == (  # type: ignore[union-attr]
        "2014-09-01",
        True,
        True,
    )


def test_importing_the_same_file_again_changes_nothing(cadre: User) -> None:
    households_import(file=workbook(GOOD), by=cadre)
    again = households_import(file=workbook(GOOD), by=cadre)
    assert (again.households_created, again.people_created, again.people_updated) == (0, 0, 0)
    assert again.unchanged == 3
    assert (Household.objects.count(), Resident.objects.count()) == (2, 3)


def test_a_file_with_errors_imports_nothing_and_names_row_and_column_in_chinese(
    cadre: User,
) -> None:
    bad = [*GOOD, _row("0003", "", "330681194403150022", 独居老人="也许", 联系电话="12345")]
    report = households_import(file=workbook(bad), by=cadre)
    assert not report.written and not Household.objects.exists()
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(5, "姓名"), (5, "身份证号"), (5, "独居老人"), (5, "联系电话")}
    assert "未导入任何数据" in report.summary()
    sheet = load_workbook(io.BytesIO(report.error_file())).active
    assert sheet is not None
    assert [c.value for c in sheet[1]] == ["行号", "列", "问题"]
    assert sheet.max_row == 5


def test_valid_rows_only_writes_the_good_rows_and_says_how_many_were_skipped(
    cadre: User,
) -> None:
    bad = [*GOOD, _row("0003", "赵", "330681194403150034", 网格编号="999")]
    report = households_import(file=workbook(bad), by=cadre, valid_rows_only=True)
    assert (report.written, report.people_created, report.skipped_rows) == (True, 3, 1)
    assert "跳过有错误的行 1 行" in report.summary()


def test_a_file_without_the_template_headers_is_refused(cadre: User) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["姓名", "电话"])  # type: ignore[union-attr]
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    with pytest.raises(InvalidInput) as error:
        households_import(file=out, by=cadre)
    assert "户号" in error.value.message


def test_the_export_is_masked_and_formulas_stay_text(cadre: User) -> None:
    households_import(file=workbook(GOOD[:1]), by=cadre)
    Household.objects.update(address='=HYPERLINK("x")')  # as if typed on a web form
    sheet = load_workbook(io.BytesIO(households_export(by=cadre))).active
    assert sheet is not None
    values = [c.value for c in sheet[2]]
    assert values[4] == "王**" and values[5] == "3306**********0026"
    assert values[6] == "139****1111" and values[2] == '\'=HYPERLINK("x")'


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "township"])
def test_nobody_outside_the_village_imports_into_it_or_exports_it(
    users: dict[str, User], cadre: User, who: str
) -> None:
    households_import(file=workbook(GOOD), by=cadre)
    if who == "township":
        with pytest.raises(NotAllowed):
            households_export(by=users[who])
        return
    report = households_import(file=workbook(GOOD), by=users[who])
    assert {e.column for e in report.errors} == {"网格编号"} and not report.written
    assert "王" not in str(
        [
            c.value
            for row in load_workbook(
                io.BytesIO(households_export(by=users[who]))
            ).active.iter_rows()
            for c in row
        ]
    )  # type: ignore[union-attr]


def test_an_imported_disability_is_stored_encrypted_and_reimporting_changes_nothing(
    cadre: User,
) -> None:
    rows = [_row("0003", "张伟", "330681197001010016", 残疾="是")]
    households_import(file=workbook(rows), by=cadre)
    person = Resident.objects.get()
    assert person.disability is True
    with connection.cursor() as cursor:
        cursor.execute("SELECT health FROM people_resident WHERE id = %s", [person.pk])
        assert cursor.fetchone()[0].startswith("gAAAAA")
    again = households_import(file=workbook(rows), by=cadre)
    assert (again.unchanged, again.people_updated) == (1, 0)
    changed = households_import(file=workbook([[*rows[0][:11], "否", *rows[0][12:]]]), by=cadre)
    assert changed.people_updated == 1
    assert Resident.objects.get().disability is False


def test_the_export_hides_the_disability_column_for_everyone(cadre: User) -> None:
    households_import(
        file=workbook([_row("0003", "张伟", "330681197001010016", 残疾="是")]), by=cadre
    )
    sheet = load_workbook(io.BytesIO(households_export(by=cadre))).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    values = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert values["残疾"] == "●●●" and values["独居老人"] == "否"
