"""Demo data for field work: four 诸暨市 policies and households in the home village.

Called once from the demo loader after grids exist. The small demo has no
households, so the demo cadre's village gets a street of them here, with the
attributes the policies look at; matching then opens the outreach items.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from jiceng.core import clock
from jiceng.demo import texts
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.people.models import Household, Resident, Role, Unit, UnitKind, User
from jiceng.places.models import Division, Grid
from jiceng.policies.models import Benefit, Policy
from jiceng.policies.services import policies_match

COUNTY = "330681"
HOME_TOWNSHIP = "330681109"
HOUSEHOLDS = 60
# Each policy's issuing department (slug, name): its staff alone may change the rule.
OWNERS = {
    "elderly-allowance": ("civil-affairs", "诸暨市民政局"),
    "dibao-education": ("education", "诸暨市教育体育局"),
    "disability-support": ("disabled-persons", "诸暨市残疾人联合会"),
    "rural-medical-insurance": ("medical-security", "诸暨市医疗保障局"),
}

POLICIES: list[dict[str, object]] = [
    {
        "code": "elderly-allowance",
        "title": "诸暨市高龄老人津贴",
        "issuing_body": "诸暨市民政局",
        "summary": "年满80周岁、户籍在诸暨市的老人，每月可领取高龄津贴。",
        "who_qualifies": "诸暨市户籍，年满80周岁。",
        "benefit": "80—89岁每月100元，90—99岁每月200元，100岁以上每月500元。",
        "how_to_apply": "本人或家属带身份证、户口簿到村（社区）便民服务中心申请，村干部可代办。",
        "rule": {
            "all": [
                {"field": "age", "op": ">=", "value": 80},
                {"field": "hukou", "op": "in", "value": COUNTY},
            ]
        },
    },
    {
        "code": "dibao-education",
        "title": "低保家庭学生教育补助",
        "issuing_body": "诸暨市教育体育局、诸暨市民政局",
        "summary": "低保家庭在读的孩子，每学期可以领取教育补助，减轻上学负担。",
        "who_qualifies": "低保家庭中在校就读的学生。",
        "benefit": "小学每学期500元，初中每学期625元，高中每学期1000元。",
        "how_to_apply": "开学后一个月内向学校或村（社区）提出申请，提供低保证明。",
        "rule": {
            "all": [
                {"field": "dibao", "op": "is", "value": True},
                {"field": "in_school", "op": "is", "value": True},
            ]
        },
    },
    {
        "code": "disability-support",
        "title": "困难残疾人生活补贴和重度残疾人护理补贴",
        "issuing_body": "诸暨市残疾人联合会",
        "summary": "持残疾人证的困难群众可领生活补贴，重度残疾人可领护理补贴。",
        "who_qualifies": "持第二代残疾人证，且为低保、特困或重度残疾。",
        "benefit": "生活补贴和护理补贴按月发放到本人账户。",
        "how_to_apply": "到镇（街道）残联或村（社区）残疾人专职委员处申请。",
        "rule": {
            "all": [
                {"field": "disability", "op": "is", "value": True},
                {
                    "any": [
                        {"field": "dibao", "op": "is", "value": True},
                        {"field": "extreme_poverty", "op": "is", "value": True},
                    ]
                },
            ]
        },
    },
    {
        "code": "rural-medical-insurance",
        "title": "城乡居民医保参保缴费提醒",
        "issuing_body": "诸暨市医疗保障局",
        "summary": "城乡居民医保每年集中缴费，别忘了给老人和孩子续保；困难群众由政府资助参保。",
        "who_qualifies": "未参加职工医保的城乡居民；低保、特困、重度残疾人员个人缴费由政府资助。",
        "benefit": "住院和门诊费用按比例报销；困难群众个人缴费部分由政府全额或部分资助。",
        "how_to_apply": "用“浙里办”或到村（社区）便民服务中心缴费，村干部可帮助操作。",
        "rule": {
            "any": [
                {"field": "age", "op": ">=", "value": 65},
                {"field": "dibao", "op": "is", "value": True},
                {"field": "extreme_poverty", "op": "is", "value": True},
            ]
        },
    },
]


def load_fieldwork_demo(*, seed: int = 330681) -> int:
    """Policies, households of the demo cadre's village, some visits; returns outreach count."""
    rng = random.Random(seed)
    today = timezone.localdate(clock.now())
    with transaction.atomic():
        for fields in POLICIES:
            Policy.objects.update_or_create(
                code=fields["code"],
                defaults={
                    **fields,
                    "scope": COUNTY,
                    "owner": _owner(str(fields["code"])),
                    "valid_from": date(today.year, 1, 1),
                },
            )
        village = (
            Division.objects.filter(code__startswith=HOME_TOWNSHIP, level="village")
            .order_by("code")
            .first()
        )
        if village is None:
            return 0
        if not Household.objects.filter(grid__village=village).exists():
            _households(village, rng, today)
    return len(policies_match(within=village.code, today=today))


def _owner(code: str) -> Unit:
    slug, name = OWNERS[code]
    unit, _created = Unit.objects.get_or_create(
        division_id=COUNTY, kind=UnitKind.DEPARTMENT, slug=slug, defaults={"name": name}
    )
    return unit


def _households(village: Division, rng: random.Random, today: date) -> None:
    grids = list(Grid.objects.filter(village=village).order_by("code"))
    if not grids:
        grids = [Grid.objects.create(code=f"{village.code}001", name="第一网格", village=village)]
    worker = User.objects.filter(role=Role.GRID_WORKER, unit__division=village).first()
    cadre = User.objects.filter(role=Role.VILLAGE_CADRE, unit__division=village).first()
    people: list[Resident] = []
    for index in range(HOUSEHOLDS):
        household = Household.objects.create(
            grid=grids[index % len(grids)],
            address=texts.address(rng, village=village.name),
            number=f"{index + 1:04d}",
            grid_worker=worker,
            dibao=rng.random() < 0.12,
        )
        people += _members(household, rng, today)
    Resident.objects.bulk_create(people)
    # Some already receive benefits, so matching shows only the rest.
    allowance = Policy.objects.get(code="elderly-allowance")
    elderly = Resident.objects.filter(
        household__grid__village=village, birth_date__lte=today - timedelta(days=80 * 366)
    )
    Benefit.objects.bulk_create(
        [Benefit(policy=allowance, resident=p, since=today) for p in elderly[:3]],
        ignore_conflicts=True,
    )
    if cadre is not None:
        _visits(village, cadre, rng, today)


def _members(household: Household, rng: random.Random, today: date) -> list[Resident]:
    alone = rng.random() < 0.2
    count = 1 if alone else rng.choice([2, 3, 3, 4, 5])
    members = []
    for position in range(count):
        years = (
            rng.randint(68, 95)
            if alone or (position == 0 and rng.random() < 0.4)
            else rng.randint(4, 60)
        )
        birth = today - timedelta(days=years * 365 + rng.randint(0, 364))
        person = Resident(
            household=household,
            name=texts.person_name(rng),
            id_number=texts.id_number(rng, birth_date=birth, county_code=COUNTY),
            birth_date=birth,
            is_household_head=position == 0,
            elderly_alone=alone,
            left_behind_child=years < 16 and rng.random() < 0.25,
            health=frozenset({"disability"}) if rng.random() < 0.06 else frozenset(),
            extreme_poverty=alone and rng.random() < 0.15,
            veteran=years > 55 and rng.random() < 0.05,
            in_school=6 <= years <= 18,
            hukou=household.grid.village_id,
        )
        if person.disability:
            person.health_note = rng.choice(["肢体残疾二级", "视力残疾一级", "精神残疾三级"])
        if position == 0 or rng.random() < 0.4:
            person.set_phone(texts.phone_number(rng))
        members.append(person)
    return members


def _visits(village: Division, cadre: User, rng: random.Random, today: date) -> None:
    households = list(Household.objects.filter(grid__village=village).order_by("id")[:25])
    findings = [
        "老人身体还好，冰箱里菜不多，约好下周送米面。",
        "孩子作业有人辅导，爷爷腿脚不便。",
        "屋顶漏雨，已记下，联系修缮。",
    ]
    Visit.objects.bulk_create(
        [
            Visit(
                by=cadre,
                village=village,
                place_kind=PlaceKind.HOUSEHOLD,
                household=household,
                finding=rng.choice(findings),
                visited_on=today - timedelta(days=rng.randint(1, 150)),
                typed_fields=3,
                prefilled_fields=3,
                created_at=clock.now(),
            )
            for household in households
        ]
    )
