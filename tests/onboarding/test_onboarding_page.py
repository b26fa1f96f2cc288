"""The county's onboarding page: administrators and the county's own administrator only."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import load_workbook
from shengzhou import SHENGZHOU, book, import_sample

from jiceng.onboarding.workbook import STAFF
from jiceng.people.models import Role, User
from jiceng.people.units import ensure_units, unit_for_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def shengzhou(users) -> None:
    import_sample()
    ensure_units(SHENGZHOU)


@pytest.fixture
def sz_admin(shengzhou) -> User:
    return User.objects.create_user(
        username="sz_admin", password="pw", role=Role.COUNTY_ADMIN, unit=unit_for_code(SHENGZHOU)
    )


@pytest.fixture
def zj_admin(org) -> User:
    return User.objects.create_user(
        username="zj_admin", password="pw", role=Role.COUNTY_ADMIN, unit=org["county"]
    )


def _upload(content: bytes) -> dict[str, object]:
    return {"workbook": SimpleUploadedFile("county.xlsx", content)}


def test_a_county_administrator_onboards_their_own_county_from_the_page(client, sz_admin):
    client.force_login(sz_admin)
    page = client.get("/onboarding/").content.decode()
    assert "嵊州市" in page and "Not open yet" in page
    assert '<a href="/onboarding/">County onboarding</a>' in page
    response = client.post("/onboarding/", _upload(book().getvalue()))
    text = response.content.decode()
    assert response.status_code == 200 and "上线完成" in text
    assert "Open: residents' requests are taken." in text
    assert User.objects.get(username="sz_dispatcher").unit == unit_for_code(SHENGZHOU, "dispatch")


def test_problems_are_listed_with_sheet_and_row_and_escaped(client, sz_admin):
    client.force_login(sz_admin)
    bad = book({STAFF: [["sz_dispatcher", "甲", "<script>x</script>", "", "是"]]})
    response = client.post("/onboarding/", _upload(bad.getvalue()))
    text = response.content.decode()
    assert response.status_code == 400 and "未写入任何数据" in text
    assert "<td>人员</td><td>2</td><td>角色</td>" in text
    assert "<script>x" not in text
    assert not User.objects.filter(username="sz_dispatcher").exists()


def test_the_export_is_the_county_set_up_and_imports_again_unchanged(client, sz_admin):
    client.force_login(sz_admin)
    client.post("/onboarding/", _upload(book().getvalue()))
    exported = client.get("/onboarding/county.xlsx").content
    sheet = load_workbook(io.BytesIO(exported))[STAFF]
    assert ["sz_dispatcher", "受理员甲", "受理员", None, "是"] in [
        list(r) for r in sheet.iter_rows(values_only=True)
    ]
    again = client.post("/onboarding/", _upload(exported)).content.decode()
    assert "人员 新建 0、更新 0" in again


@pytest.mark.parametrize("who", ["township", "leader", "dispatcher", "cadre", "resident"])
def test_staff_who_are_not_administrators_cannot_see_the_page(client, users, shengzhou, who):
    client.force_login(users[who])
    for url in ("/onboarding/", "/onboarding/template.xlsx", f"/onboarding/?county={SHENGZHOU}"):
        assert client.get(url).status_code == 404
    assert client.post(f"/onboarding/?county={SHENGZHOU}", _upload(b"x")).status_code == 404


def test_a_county_administrator_cannot_manage_another_county(client, zj_admin, shengzhou):
    client.force_login(zj_admin)
    assert "诸暨市" in client.get("/onboarding/").content.decode()
    assert client.get(f"/onboarding/?county={SHENGZHOU}").status_code == 404
    assert client.get(f"/onboarding/county.xlsx?county={SHENGZHOU}").status_code == 404
    response = client.post(f"/onboarding/?county={SHENGZHOU}", _upload(book().getvalue()))
    assert response.status_code == 404
    assert not User.objects.filter(username="sz_dispatcher").exists()


def test_an_administrator_manages_any_county(client, users, shengzhou):
    client.force_login(users["admin"])
    assert "嵊州市" in client.get(f"/onboarding/?county={SHENGZHOU}").content.decode()


def test_the_upload_needs_the_csrf_token(sz_admin):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sz_admin)
    assert client.post("/onboarding/", _upload(book().getvalue())).status_code == 403
    assert not User.objects.filter(username="sz_dispatcher").exists()


def test_the_page_is_in_chinese_by_default(client, sz_admin, chinese):
    client.force_login(sz_admin)
    page = client.get("/onboarding/").content.decode()
    assert "县区上线" in page and "尚未开始受理" in page


def test_a_county_administrator_reads_no_cases(client, zj_admin, users, monday):
    from factories import submit

    case = submit(users)
    client.force_login(zj_admin)
    assert client.get("/workbench/").status_code == 403
    assert client.get(f"/workbench/cases/{case.number}/").status_code == 403
    assert case.number not in client.get("/dashboard/").content.decode()
