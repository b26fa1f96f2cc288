"""Generated people and places: names, addresses, grids (numbers are in ``phones_ids``).

Names are assembled from the surname and given-name characters of ``data/people.json``,
so they belong to no real person. Deterministic given the ``random.Random`` passed in.
"""

from __future__ import annotations

import random

from jiceng.demo.grammar import load
from jiceng.demo.numerals import chinese_numeral

_DATA = load("people")
_SURNAMES: tuple[str, ...] = tuple(_DATA["surnames"])
_SURNAME_WEIGHTS: tuple[int, ...] = tuple(_DATA["surnames"].values())
_MALE_CHARS: str = _DATA["given_male"]
_FEMALE_CHARS: str = _DATA["given_female"]
_SHARED_CHARS: str = _DATA["given_shared"]
HOUSEHOLD_RELATIONS: tuple[str, ...] = tuple(_DATA["household_relations"])
_RELATION_WEIGHTS: tuple[int, ...] = tuple(_DATA["household_relations"].values())


def surname(rng: random.Random) -> str:
    """A surname, common ones more often."""
    return rng.choices(_SURNAMES, weights=_SURNAME_WEIGHTS)[0]


def person_name(rng: random.Random) -> str:
    """A generated Chinese full name (surname + one or two given-name characters)."""
    family = surname(rng)
    pool = _MALE_CHARS if rng.random() < 0.5 else _FEMALE_CHARS
    if rng.random() < 0.25:
        return family + rng.choice(pool)
    first = rng.choice(pool + _SHARED_CHARS)
    second = rng.choice(pool)
    return family + first + second


def address(rng: random.Random, *, village: str, township: str = "") -> str:
    """A household address such as 枫桥镇陈家村3组27号 (``township`` is an optional prefix)."""
    return f"{township}{village}{rng.randint(1, 14)}组{rng.randint(1, 98)}号"


def grid_name(index: int) -> str:
    """The name of the ``index``-th grid, counting from 1: 1 → 第一网格, 12 → 第十二网格."""
    return f"第{chinese_numeral(index)}网格"


def household_head_relation(rng: random.Random) -> str:
    """A member's relation to the household head (never 户主 itself)."""
    return rng.choices(HOUSEHOLD_RELATIONS, weights=_RELATION_WEIGHTS)[0]
