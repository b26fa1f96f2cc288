"""The prefecture's small tables, through the application's own import and onboarding.

Divisions come from the national files in ``../shared/data/divisions`` (read in place,
never copied); each county is onboarded with the county workbook (``jiceng.onboarding``)
the way a county office would: departments, the dispatch catalogue and one member of
staff for every unit that handles cases.
"""

from __future__ import annotations

from pathlib import Path

from jiceng.onboarding.services import county_onboard
from jiceng.onboarding.workbook import CATALOGUE, DEPARTMENTS, GRIDS, STAFF, workbook
from jiceng.places.importer.run import import_divisions
from jiceng.places.models import Division, Level

DIVISIONS = Path(__file__).resolve().parents[3] / "shared" / "data" / "divisions"
FILES = ("provinces", "cities", "areas", "streets", "villages")

# slug, name (after the county's), categories it owns at the county tier (as in the demo)
DEPARTMENT_PLAN = [
    ("water", "水务集团", ["utilities"]),
    ("housing", "住房和城乡建设局", ["housing"]),
    ("transport", "交通运输局", ["transport"]),
    ("hrss", "人力资源和社会保障局", ["employment", "social_security"]),
    ("education", "教育体育局", ["education"]),
    ("health", "卫生健康局", ["medical"]),
    ("environment", "生态环境分局", ["environment"]),
    ("market", "市场监督管理局", ["food", "clothing"]),
    ("justice", "司法局", ["dispute"]),
    ("agriculture", "农业农村局", ["village_affairs"]),
    ("office", "人民政府办公室", ["other"]),
]
DISPATCHERS = 4


def import_city(city: str, folder: Path = DIVISIONS) -> None:
    """The province, the city and everything under it, from the national files."""
    for name in FILES:
        scope = city[:2] if name == "provinces" else city
        import_divisions(folder / f"{name}.csv.gz", scope=scope)


def counties(city: str) -> list[Division]:
    return list(Division.objects.filter(code__startswith=city, level=Level.COUNTY).order_by("code"))


def _staff_rows(county: Division) -> list[list[object]]:
    code = county.code
    rows: list[list[object]] = [
        [f"d{code}-{i}", f"受理员{i}", "受理员", "", "是"] for i in range(DISPATCHERS)
    ]
    rows.append([f"l{code}", "领导", "领导", "", "是"])
    rows.append([f"a{code}", "县级管理员", "县级管理员", "", "是"])
    rows += [
        [f"s{code}-{slug}", f"{name}人员", "部门人员", slug, "是"]
        for slug, name, _c in DEPARTMENT_PLAN
    ]
    places = Division.objects.filter(
        code__startswith=code, level__in=(Level.TOWNSHIP, Level.VILLAGE)
    )
    for place in places.order_by("code").values_list("code", "level"):
        role = "乡镇干部" if place[1] == Level.TOWNSHIP else "村社区干部"
        rows.append([f"c{place[0]}", f"{role}{place[0][-3:]}", role, place[0], "是"])
    return rows


def county_workbook(county: Division) -> dict[str, list[list[object]]]:
    short = county.name
    return {
        DEPARTMENTS: [[slug, f"{short}{name}", "是"] for slug, name, _c in DEPARTMENT_PLAN],
        STAFF: _staff_rows(county),
        CATALOGUE: [[cat, "县", slug] for slug, _n, cats in DEPARTMENT_PLAN for cat in cats],
        GRIDS: [],
    }


def onboard_city(city: str) -> list[str]:
    """Onboard every county of ``city``; returns their codes."""
    done = []
    for county in counties(city):
        county_onboard(county_code=county.code, file=workbook(county_workbook(county)))
        done.append(county.code)
    return done
