"""The demo county's grids, and households with their members (at full scale only)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jiceng.demo.people import address, grid_name, person_name
from jiceng.demo.phones_ids import id_number, phone_number
from jiceng.demo.setup import COUNTY, DemoOrg
from jiceng.people.models import Household, Resident
from jiceng.places.models import Division, Grid


def build_grids_and_households(
    org: DemoOrg, rng: random.Random, *, households_per_grid: int
) -> int:
    """2–4 grids per village; households with members only where ``households_per_grid`` > 0."""
    grids: list[Grid] = []
    for code in org.villages:
        for index in range(1, rng.randint(2, 4) + 1):
            grids.append(Grid(code=f"{code}{index:03d}", name=grid_name(index), village_id=code))
    Grid.objects.bulk_create(grids, ignore_conflicts=True)
    if households_per_grid == 0:
        return 0
    made = 0
    names = {
        code: division.name
        for code, division in Division.objects.in_bulk(list(org.villages)).items()
    }
    for grid in Grid.objects.filter(village__code__startswith=COUNTY).order_by("code"):
        for _ in range(households_per_grid):
            made += _household(grid, names[grid.village_id], rng)
    return made


def _household(grid: Grid, village_name: str, rng: random.Random) -> int:
    household = Household.objects.create(grid=grid, address=address(rng, village=village_name))
    members: list[Resident] = []
    today = date.today()  # noqa: DTZ011 — ages only need the calendar date
    for position in range(rng.choice([1, 2, 2, 3, 3, 4, 5])):
        birth = today - timedelta(days=rng.randint(3 * 365, 92 * 365))
        person = Resident(
            household=household,
            name=person_name(rng),
            id_number=id_number(rng, birth_date=birth, county_code=COUNTY),
            birth_date=birth,
            is_household_head=position == 0,
        )
        if position == 0 or rng.random() < 0.4:
            person.set_phone(phone_number(rng))
        members.append(person)
    Resident.objects.bulk_create(members)
    return 1
