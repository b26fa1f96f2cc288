"""Moving a simulated case's clock without passing today."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from jiceng.demo.world import World


def hours(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(hours=rng.uniform(low, high))


class Stop(Exception):
    """The simulated moment reached today: the case stays as it is, open."""


def at(world: World, moment: datetime) -> datetime:
    if moment >= world.now:
        raise Stop
    return moment
