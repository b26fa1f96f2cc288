"""The roster page: upload an Excel roster, see errors by row and column, download files."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from fieldwork.households import grid, household, member
from openpyxl import load_workbook

from jiceng.fieldwork.excel import HEADERS, workbook
from jiceng.people.models import Household, User

from factories import TIANZHU

ROW = dict.fromkeys(HEADERS, "") | {
    "户号": "0001",
    "网格编号": f"{TIANZHU}001",
    "地址": "天竺社区新街12号",
    "姓名": "王秀英",
    "身份证号": "330681194403150026",
}


def _upload(rows: list[dict[str, str]]) -> SimpleUploadedFile:
    data = workbook([list(r.values()) for r in rows]).getvalue()
    return SimpleUploadedFile("roster.xlsx", data)


@pytest.fixture
def cadre(users: dict[str, User]) -> Client:
    grid(TIANZHU)
    client = Client()
    client.force_login(users["cadre"])
    return client


def test_a_clean_roster_is_imported_and_summarised(cadre: Client) -> None:
    html = cadre.post("/workbench/field/households/roster/", {"file": _upload([ROW])})
    assert "新建 1 户、1 人" in html.content.decode()
    assert Household.objects.get().address == "天竺社区新街12号"


def test_errors_are_listed_by_row_and_column_and_downloadable(cadre: Client) -> None:
    bad = ROW | {"姓名": "", "身份证号": "123"}
    html = cadre.post(
        "/workbench/field/households/roster/", {"file": _upload([ROW, bad])}
    ).content.decode()
    assert "未导入任何数据" in html and "<td>3</td><td>姓名</td>" in html
    assert not Household.objects.exists()
    errors = cadre.get("/workbench/field/households/roster/errors.xlsx")
    sheet = load_workbook(io.BytesIO(errors.content)).active
    assert sheet is not None and sheet.max_row == 3


def test_a_file_that_is_not_excel_is_refused_beside_the_field(cadre: Client) -> None:
    response = cadre.post(
        "/workbench/field/households/roster/",
        {"file": SimpleUploadedFile("x.xlsx", b"not a workbook")},
    )
    assert response.status_code == 400 and 'id="id_file-error"' in response.content.decode()


def test_the_export_download_is_masked(users: dict[str, User], cadre: Client) -> None:
    member(household(number="0001"), born=date(1944, 3, 15))
    content = cadre.get("/workbench/field/households/roster/export.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    assert sheet["E2"].value == "王**" and "王秀英" not in str(content)


@pytest.mark.parametrize("who", ["township", "dispatcher", "water"])
def test_staff_outside_villages_cannot_open_import_or_export(
    users: dict[str, User], who: str
) -> None:
    client = Client()
    client.force_login(users[who])
    for url in ("", "export.xlsx", "template.xlsx", "errors.xlsx"):
        assert client.get(f"/workbench/field/households/roster/{url}").status_code == 403


def test_another_villages_cadre_exports_only_their_own_village(
    users: dict[str, User], cadre: Client
) -> None:
    member(household(number="0001"), born=date(1944, 3, 15))
    client = Client()
    client.force_login(users["neighbour_cadre"])
    content = client.get("/workbench/field/households/roster/export.xlsx").content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None and sheet["A2"].value is None
