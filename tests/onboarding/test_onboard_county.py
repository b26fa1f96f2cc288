"""``jiceng onboard-county``: one workbook sets up a county, twice changes nothing, errors
name their sheet and row, and nothing is half-written."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from shengzhou import SHANHU, SHENGZHOU, XINBEI, book, import_sample

from jiceng import cli
from jiceng.cases.models import Category, Channel, DispatchRule
from jiceng.cases.services import case_submit
from jiceng.core.errors import InvalidInput
from jiceng.onboarding.models import OnboardingRun
from jiceng.onboarding.outcome import WorkbookInvalid
from jiceng.onboarding.services import county_onboard
from jiceng.onboarding.workbook import CATALOGUE, SHEETS, STAFF
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.models import Grid

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample() -> None:
    import_sample()


def _state() -> tuple[object, ...]:
    return (
        sorted(
            Unit.objects.filter(division__code__startswith=SHENGZHOU).values_list("name", "active")
        ),
        sorted(User.objects.values_list("username", "role", "unit__name")),
        sorted(DispatchRule.objects.values_list("category_id", "tier", "unit__slug")),
        sorted(Grid.objects.values_list("code", "name", "village_id")),
    )


def test_a_workbook_sets_up_units_departments_staff_catalogue_and_grids_and_opens_the_county(
    sample,
):
    report = county_onboard(county_code=SHENGZHOU, file=book())

    assert report.opened
    assert report.counts["units_created"] == 5  # government, centre, 剡湖, two villages
    centre = Unit.objects.get(division_id=SHENGZHOU, kind=UnitKind.DISPATCH)
    assert centre.active and centre.name == "嵊州市12345热线受理中心"
    water = Unit.objects.get(division_id=SHENGZHOU, slug="water")
    assert User.objects.get(username="sz_water").unit == water
    assert User.objects.get(username="sz_dispatcher").unit == centre
    assert User.objects.get(username="sz_xinbei").unit.division_id == XINBEI
    admin = User.objects.get(username="sz_admin")
    assert (admin.role, admin.jurisdiction) == (Role.COUNTY_ADMIN, SHENGZHOU)
    assert not admin.has_usable_password()
    assert DispatchRule.objects.get(category_id="housing", tier="county").unit.slug == "housing"
    assert DispatchRule.objects.get(category_id="environment", tier="village").unit is None
    assert Grid.objects.filter(village_id=XINBEI).count() == 1
    assert OnboardingRun.objects.get().opened


def test_onboarding_the_same_workbook_twice_changes_nothing(sample):
    county_onboard(county_code=SHENGZHOU, file=book())
    before = _state()
    again = county_onboard(county_code=SHENGZHOU, file=book())
    assert _state() == before
    assert sum(again.counts.values()) == 0


def test_an_onboarded_county_takes_requests_from_its_villages(sample, monday):
    county_onboard(county_code=SHENGZHOU, file=book())
    case = case_submit(
        category=Category.objects.get(code="transport"),
        description="新北社区门口路灯坏了",
        division_code=XINBEI,
        contact_phone="13812345678",
        channel=Channel.WEB,
    )
    assert case.owner.name == "嵊州市12345热线受理中心"


def test_errors_name_their_sheet_and_row_in_chinese_and_nothing_is_written(sample):
    bad = book(
        {
            STAFF: [
                ["sz_dispatcher", "受理员甲", "受理员", "", "是"],
                ["sz_bad", "某", "村长", "", "是"],
                ["sz_cadre", "某", "村社区干部", SHANHU, "是"],
            ],
            CATALOGUE: [["没有这个", "县", "water"], ["utilities", "市", "nowhere"]],
        }
    )
    with pytest.raises(WorkbookInvalid) as invalid:
        county_onboard(county_code=SHENGZHOU, file=bad)
    text = [str(p) for p in invalid.value.problems]
    roles = "受理员、乡镇干部、村社区干部、网格员、部门人员、领导、县级管理员"
    assert f"工作表“人员”第 3 行“角色”列：角色应为 {roles} 之一。" in text
    assert any(t.startswith("工作表“人员”第 4 行“所在单位”列") for t in text)
    assert any(t.startswith("工作表“派单目录”第 2 行“类别”列：没有“没有这个”") for t in text)
    assert any(t.startswith("工作表“派单目录”第 3 行“层级”列") for t in text)
    assert any(t.startswith("工作表“派单目录”第 3 行“责任部门”列") for t in text)
    assert invalid.value.message == "上线工作簿有 5 处错误，未写入任何数据。"
    assert not Unit.objects.filter(division__code__startswith=SHENGZHOU).exists()
    assert not User.objects.exists() and not OnboardingRun.objects.exists()


def test_a_county_without_a_dispatcher_is_not_opened(sample):
    with pytest.raises(WorkbookInvalid) as invalid:
        county_onboard(county_code=SHENGZHOU, file=book({STAFF: []}))
    assert [p.message for p in invalid.value.problems] == [
        "至少要有一名在职的受理员，否则没有人受理群众的诉求。"
    ]


def test_a_workbook_cannot_take_over_an_account_of_another_county(users, sample):
    taken = book({STAFF: [["dispatcher", "甲", "受理员", "", "是"]]})  # 诸暨's dispatcher
    with pytest.raises(WorkbookInvalid) as invalid:
        county_onboard(county_code=SHENGZHOU, file=taken)
    assert "已被其他县（区）或管理员使用" in invalid.value.problems[0].message
    assert User.objects.get(username="dispatcher").jurisdiction == "330681"


def test_an_unknown_county_is_refused_with_what_to_do(sample):
    with pytest.raises(InvalidInput, match="jiceng import-divisions"):
        county_onboard(county_code="330699", file=book())


def test_the_command_writes_the_template_and_onboards_from_it(sample, tmp_path: Path, capsys):
    template = tmp_path / "template.xlsx"
    assert cli.main(["onboard-county", "--template", str(template)]) == 0
    sheets = load_workbook(template).sheetnames
    assert sheets == ["说明", *SHEETS]
    filled = tmp_path / "shengzhou.xlsx"
    filled.write_bytes(book().getvalue())
    assert cli.main(["onboard-county", SHENGZHOU, "--workbook", str(filled)]) == 0
    out = capsys.readouterr().out
    assert "嵊州市（330683）上线完成" in out and "已开始受理群众诉求" in out


def test_the_command_lists_each_problem_and_fails(sample, tmp_path: Path, capsys):
    filled = tmp_path / "bad.xlsx"
    filled.write_bytes(book({STAFF: []}).getvalue())
    assert cli.main(["onboard-county", SHENGZHOU, "--workbook", str(filled)]) == 1
    err = capsys.readouterr().err
    assert "未写入任何数据" in err and "工作表“人员”整表“角色”列" in err
