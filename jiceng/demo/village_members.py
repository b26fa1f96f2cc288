"""The members of a demo household: ages, health and the attributes the policies look at."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jiceng.demo import grammar
from jiceng.demo.people import person_name
from jiceng.demo.phones_ids import id_number, phone_number
from jiceng.demo.setup import COUNTY
from jiceng.people.models import Household, Resident

DISABILITY_NOTES: list[str] = grammar.load("fieldwork")["disability_notes"]


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
