"""The slots every demo text may use (``data/common.json``), and the draws written in code.

A draw is code where a word list is not enough: a duration is sometimes a number of days,
a day sometimes a date, a neighbour has a surname. Their words are in the data file too.
"""

from __future__ import annotations

import random

from jiceng.demo import grammar
from jiceng.demo.people import surname

_DATA = grammar.load("common")
_DURATIONS: tuple[str, ...] = tuple(_DATA["durations"])
_RELATIVE_DAYS: tuple[str, ...] = tuple(_DATA["relative_days"])
_DAY_PARTS: tuple[str, ...] = tuple(_DATA["day_parts"])
_DAY_PART_DAYS: frozenset[str] = frozenset(_DATA["day_part_days"])
_DAY_SUFFIXES: tuple[str, ...] = tuple(_DATA["day_suffixes"])
_NEIGHBOUR_PLACES: tuple[str, ...] = tuple(_DATA["neighbour_places"])
_NEIGHBOUR_FORMS: tuple[str, ...] = tuple(_DATA["neighbour_forms"])
_LANE_SPOTS: tuple[str, ...] = tuple(_DATA["lane_spots"])


def duration(rng: random.Random) -> str:
    """How long something has lasted: 三天, 半个多月, 17天."""
    if rng.random() < 0.35:
        return f"{rng.randint(2, 29)}天"
    return rng.choice(_DURATIONS)


def day(rng: random.Random) -> str:
    """When something happened: a date (5月12号) or a day relative to today (昨天晚上)."""
    if rng.random() < 0.4:
        month = rng.randint(1, 12)
        return f"{month}月{rng.randint(1, 28)}{rng.choice(_DAY_SUFFIXES)}"
    base = rng.choice(_RELATIVE_DAYS)
    part = rng.choice(_DAY_PARTS) if base in _DAY_PART_DAYS else ""
    return base + part


def neighbour(rng: random.Random) -> str:
    """A neighbour's household: 隔壁老陈家."""
    where = rng.choice(_NEIGHBOUR_PLACES)
    name = surname(rng)
    form = rng.choice(_NEIGHBOUR_FORMS)
    return where + form.format(surname=name)


def lane(rng: random.Random) -> str:
    """A spot in the village: 村口, or where two groups meet."""
    if rng.random() < 0.3:
        return f"{rng.randint(1, 14)}组和{rng.randint(1, 14)}组交界的地方"
    return rng.choice(_LANE_SPOTS)


DRAWS: dict[str, grammar.Draw] = {
    "duration": duration,
    "day": day,
    "surname": surname,
    "neighbour": neighbour,
    "lane": lane,
}


def table(spec: dict[str, object]) -> dict[str, grammar.Slot]:
    """A slot table of a data file, with the draws above available to it."""
    return grammar.slots(spec, DRAWS)


COMMON = table(_DATA["slots"])
