"""The simulated world a demo case lives in: the county, its randomness and its today."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

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


def staff(world: World, case: Case) -> User:
    return world.org.staff[case.owner_id]
