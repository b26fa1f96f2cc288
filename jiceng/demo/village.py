"""A street of households in the demo cadre's village, with the attributes the policies
look at, some of them already receiving benefits, and the cadre's past visits."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jiceng.core import clock
from jiceng.demo import grammar
from jiceng.demo.people import address, id_number, person_name, phone_number
from jiceng.demo.setup import COUNTY
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.people.models import Household, Resident, Role, User
from jiceng.places.models import Division, Grid
from jiceng.policies.models import Benefit, Policy

HOUSEHOLDS = 60
_DATA = grammar.load("fieldwork")
DISABILITY_NOTES: list[str] = _DATA["disability_notes"]
VISIT_FINDINGS: list[str] = _DATA["visit_findings"]


def households(village: Division, rng: random.Random, today: date) -> None:
    grids = list(Grid.objects.filter(village=village).order_by("code"))
    if not grids:
        grids = [Grid.objects.create(code=f"{village.code}001", name="第一网格", village=village)]
    worker = User.objects.filter(role=Role.GRID_WORKER, unit__division=village).first()
    cadre = User.objects.filter(role=Role.VILLAGE_CADRE, unit__division=village).first()
    people: list[Resident] = []
    for index in range(HOUSEHOLDS):
        household = Household.objects.create(
            grid=grids[index % len(grids)],
            address=address(rng, village=village.name),
            number=f"{index + 1:04d}",
            grid_worker=worker,
            dibao=rng.random() < 0.12,
        )
        people += members(household, rng, today)
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
        visits(village, cadre, rng, today)


def members(household: Household, rng: random.Random, today: date) -> list[Resident]:
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
            name=person_name(rng),
            id_number=id_number(rng, birth_date=birth, county_code=COUNTY),
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
            person.health_note = rng.choice(DISABILITY_NOTES)
        if position == 0 or rng.random() < 0.4:
            person.set_phone(phone_number(rng))
        members.append(person)
    return members


def visits(village: Division, cadre: User, rng: random.Random, today: date) -> None:
    households = list(Household.objects.filter(grid__village=village).order_by("id")[:25])
    Visit.objects.bulk_create(
        [
            Visit(
                by=cadre,
                village=village,
                place_kind=PlaceKind.HOUSEHOLD,
                household=household,
                finding=rng.choice(VISIT_FINDINGS),
                visited_on=today - timedelta(days=rng.randint(1, 150)),
                typed_fields=3,
                prefilled_fields=3,
                created_at=clock.now(),
            )
            for household in households
        ]
    )
