"""The simulated world a demo case lives in, and moving its clock without passing today."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from jiceng.cases.models import Case, Category
from jiceng.demo.setup import DemoOrg
from jiceng.people.models import User


@dataclass
class World:
    org: DemoOrg
    rng: random.Random
    now: datetime
    categories: list[Category]
    weights: list[float]
    villages: list[tuple[str, str, str]]  # (code, village name, township name)
    # Registered residents who call too: (village code, name, phone) from the household registry.
    callers: list[tuple[str, str, str]] = field(default_factory=list)


# The share of requests that come from a household in the registry (linked by phone).
FROM_REGISTRY = 0.15


# How often residents raise each category (rough hotline proportions).
CATEGORY_WEIGHTS = {
    "clothing": 1,
    "food": 4,
    "housing": 10,
    "transport": 12,
    "utilities": 10,
    "employment": 7,
    "education": 6,
    "social_security": 9,
    "medical": 6,
    "environment": 12,
    "dispute": 10,
    "village_affairs": 6,
    "other": 7,
}


def hours(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(hours=rng.uniform(low, high))


class Stop(Exception):
    """The simulated moment reached today: the case stays as it is, open."""


def at(world: World, moment: datetime) -> datetime:
    if moment >= world.now:
        raise Stop
    return moment


def staff(world: World, case: Case) -> User:
    return world.org.staff[case.owner_id]
