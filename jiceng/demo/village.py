"""A street of households in the demo cadre's village, some of them already receiving benefits."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jiceng.demo.people import address
from jiceng.demo.village_members import members
from jiceng.demo.village_visits import visits
from jiceng.people.models import Household, Resident, Role, User
from jiceng.places.models import Division, Grid
from jiceng.policies.models import Benefit, Policy

HOUSEHOLDS = 60


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
