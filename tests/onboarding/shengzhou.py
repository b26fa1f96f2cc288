"""A small sample of 嵊州市 (330683), real NBS codes, and a workbook that onboards it."""

from __future__ import annotations

from io import BytesIO

from jiceng.onboarding.workbook import CATALOGUE, DEPARTMENTS, GRIDS, STAFF, workbook
from jiceng.places.models import Division, Level

SHENGZHOU = "330683"
SHANHU = "330683001"  # 剡湖街道
XINBEI = "330683001002"  # 新北社区
CHENGHUANGFANG = "330683001003"  # 城隍坊社区

DIVISIONS = [
    ("33", "浙江省", Level.PROVINCE, None),
    ("3306", "绍兴市", Level.CITY, "33"),
    (SHENGZHOU, "嵊州市", Level.COUNTY, "3306"),
    (SHANHU, "剡湖街道", Level.TOWNSHIP, SHENGZHOU),
    (XINBEI, "新北社区", Level.VILLAGE, SHANHU),
    (CHENGHUANGFANG, "城隍坊社区", Level.VILLAGE, SHANHU),
]


def import_sample() -> None:
    for code, name, level, parent in DIVISIONS:
        Division.objects.get_or_create(
            code=code, defaults={"name": name, "level": level, "parent_id": parent}
        )


def sheets() -> dict[str, list[list[object]]]:
    return {
        DEPARTMENTS: [["water", "嵊州市水务集团", "是"], ["housing", "嵊州市住建局", "是"]],
        STAFF: [
            ["sz_dispatcher", "受理员甲", "受理员", "", "是"],
            ["sz_water", "水务乙", "部门人员", "water", "是"],
            ["sz_shanhu", "剡湖丙", "乡镇干部", SHANHU, "是"],
            ["sz_xinbei", "新北丁", "村社区干部", XINBEI, "是"],
            ["sz_admin", "管理员戊", "县级管理员", "", "是"],
        ],
        CATALOGUE: [["utilities", "县", "water"], ["住", "县", "housing"], ["环境", "村", ""]],
        GRIDS: [[XINBEI + "01", "新北一网格", XINBEI], [CHENGHUANGFANG + "01", "城隍坊一网格",
                                                      CHENGHUANGFANG]],
    }  # fmt: skip


def book(changes: dict[str, list[list[object]]] | None = None) -> BytesIO:
    return workbook({**sheets(), **(changes or {})})
