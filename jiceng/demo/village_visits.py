"""The demo cadre's past visits to the households of the village."""

from __future__ import annotations

import random
from datetime import date, timedelta

from jiceng.core import clock
from jiceng.demo import grammar
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.people.models import Household, User
from jiceng.places.models import Division

VISIT_FINDINGS: list[str] = grammar.load("fieldwork")["visit_findings"]


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
