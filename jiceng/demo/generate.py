"""A year of simulated cases across the county's villages, only the last days told."""

from __future__ import annotations

import random
from contextlib import nullcontext
from datetime import timedelta

from django.db import transaction

from jiceng.cases.models import Category
from jiceng.core import clock
from jiceng.demo import setup
from jiceng.demo.shares import CATEGORY_WEIGHTS
from jiceng.demo.simulate import simulate_case
from jiceng.demo.world import World
from jiceng.notices.events.muting import muted
from jiceng.people.models import Resident
from jiceng.places.models import Division, Level

BATCH = 250


def villages() -> list[tuple[str, str, str]]:
    townships = dict(
        Division.objects.filter(code__startswith=setup.COUNTY, level=Level.TOWNSHIP).values_list(
            "code", "name"
        )
    )
    return [
        (code, name, townships.get(code[:9], ""))
        for code, name in Division.objects.filter(
            code__startswith=setup.COUNTY, level=Level.VILLAGE
        )
        .order_by("code")
        .values_list("code", "name")
    ]


def build_world(org: setup.DemoOrg, rng: random.Random) -> World:
    categories = list(Category.objects.select_related("time_limit").order_by("sort_order"))
    return World(
        org=org,
        rng=rng,
        now=clock.now(),
        categories=categories,
        weights=[CATEGORY_WEIGHTS.get(c.code, 1) for c in categories],
        villages=villages(),
        callers=callers(),
    )


def callers() -> list[tuple[str, str, str]]:
    """Registered residents with a phone, some of whom bring requests (demo only: decrypted)."""
    people = (
        Resident.objects.filter(household__grid__village__code__startswith=setup.COUNTY)
        .exclude(phone_index="")
        .select_related("household__grid")
        .order_by("id")[:5000]
    )
    return [(p.household.grid.village_id, p.name, p.phone) for p in people if p.household]


NOTICE_DAYS = 3


def generate_cases(world: World, count: int) -> None:
    rng = world.rng
    # Spread over twelve months, a little busier lately, as hotlines grow.
    moments = sorted(world.now - timedelta(days=365 * rng.random() ** 1.15) for _ in range(count))
    # Residents and units hear of the last few days only: the rest is a simulated past.
    told_from = world.now - timedelta(days=NOTICE_DAYS)
    for start in range(0, count, BATCH):
        with transaction.atomic():
            for submitted in moments[start : start + BATCH]:
                with nullcontext() if submitted >= told_from else muted():
                    simulate_case(world, submitted)
