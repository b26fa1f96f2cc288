"""The demo county's organisation: units, the dispatch catalogue and staff (``demo.staff``)."""

from __future__ import annotations

from dataclasses import dataclass, field

from jiceng.cases.models import Category, DispatchRule, Tier
from jiceng.people.models import Unit, UnitKind, User
from jiceng.people.units.naming import default_name
from jiceng.people.units.setup import ensure_unit
from jiceng.places.models import Division, Level

COUNTY = "330681"
HOME_TOWNSHIP = "330681109"  # 枫桥镇, home of the 枫桥经验
DEMO_PASSWORD = "jiceng-demo"  # noqa: S105 — printed to the user; demo only

# county department slug, name, the categories it owns at the county tier
DEPARTMENTS = [
    ("water", "诸暨市水务集团", ["utilities"]),
    ("housing", "诸暨市住房和城乡建设局", ["housing"]),
    ("transport", "诸暨市交通运输局", ["transport"]),
    ("hrss", "诸暨市人力资源和社会保障局", ["employment", "social_security"]),
    ("education", "诸暨市教育体育局", ["education"]),
    ("health", "诸暨市卫生健康局", ["medical"]),
    ("environment", "绍兴市生态环境局诸暨分局", ["environment"]),
    ("market", "诸暨市市场监督管理局", ["food", "clothing"]),
    ("justice", "诸暨市司法局", ["dispute"]),
    ("agriculture", "诸暨市农业农村局", ["village_affairs"]),
    ("office", "诸暨市人民政府办公室", ["other"]),
]


@dataclass
class DemoOrg:
    county: Division
    centre: Unit
    county_unit: Unit
    townships: dict[str, Unit] = field(default_factory=dict)
    villages: dict[str, Unit] = field(default_factory=dict)
    departments: dict[str, Unit] = field(default_factory=dict)
    staff: dict[int, User] = field(default_factory=dict)  # unit id → a staff member acting for it
    logins: dict[str, User] = field(default_factory=dict)


def _own_units(level: str) -> dict[str, Unit]:
    """Every division's own unit at ``level``, creating the missing ones in one statement."""
    divisions = list(Division.objects.filter(code__startswith=COUNTY, level=level))
    kind = UnitKind.VILLAGE if level == Level.VILLAGE else UnitKind.TOWNSHIP
    mine = Unit.objects.filter(division__in=divisions, kind=kind, slug="")
    existing = set(mine.values_list("division_id", flat=True))
    Unit.objects.bulk_create(
        [
            Unit(division=d, kind=kind, slug="", name=default_name(d, kind))
            for d in divisions
            if d.code not in existing
        ]
    )
    return {unit.division_id: unit for unit in mine.all()}


def build_units() -> DemoOrg:
    county = Division.objects.get(code=COUNTY)
    org = DemoOrg(
        county=county,
        centre=ensure_unit(county, UnitKind.DISPATCH, active=True),
        county_unit=ensure_unit(county),
    )
    org.townships = _own_units(Level.TOWNSHIP)
    org.villages = _own_units(Level.VILLAGE)
    for slug, name, categories in DEPARTMENTS:
        unit, _ = Unit.objects.get_or_create(
            division=county, kind=UnitKind.DEPARTMENT, slug=slug, defaults={"name": name}
        )
        org.departments[slug] = unit
        for code in categories:
            DispatchRule.objects.update_or_create(
                county=county,
                category=Category.objects.get(code=code),
                tier=Tier.COUNTY,
                defaults={"unit": unit},
            )
    return org
