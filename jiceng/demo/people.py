"""Generated people and places: names, mobile numbers, ID numbers, addresses, grids.

Names are assembled from the surname and given-name characters of ``data/people.json``,
so they belong to no real person. Deterministic given the ``random.Random`` passed in.
"""

from __future__ import annotations

import datetime
import random

from jiceng.demo.grammar import load
from jiceng.demo.numerals import chinese_numeral

_DATA = load("people")
_SURNAMES: tuple[str, ...] = tuple(_DATA["surnames"])
_SURNAME_WEIGHTS: tuple[int, ...] = tuple(_DATA["surnames"].values())
_MALE_CHARS: str = _DATA["given_male"]
_FEMALE_CHARS: str = _DATA["given_female"]
_SHARED_CHARS: str = _DATA["given_shared"]
_MOBILE_PREFIXES: tuple[str, ...] = tuple(_DATA["mobile_prefixes"])
HOUSEHOLD_RELATIONS: tuple[str, ...] = tuple(_DATA["household_relations"])
_RELATION_WEIGHTS: tuple[int, ...] = tuple(_DATA["household_relations"].values())

# ISO 7064 MOD 11-2, as GB 11643 prescribes for the resident ID's last character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


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


def phone_number(rng: random.Random) -> str:
    """A realistic 11-digit mainland mobile number."""
    return rng.choice(_MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))


def id_check_digit(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character for the first 17 digits of a resident ID."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError(f"expected 17 digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11]


def id_number(rng: random.Random, *, birth_date: datetime.date, county_code: str = "330681") -> str:
    """An 18-digit resident ID number with a valid check digit (330681 is 诸暨市)."""
    if len(county_code) != 6 or not county_code.isdigit():
        raise ValueError(f"county_code must be 6 digits, got {county_code!r}")
    first17 = f"{county_code}{birth_date:%Y%m%d}{rng.randint(0, 999):03d}"
    return first17 + id_check_digit(first17)


def address(rng: random.Random, *, village: str, township: str = "") -> str:
    """A household address such as 枫桥镇陈家村3组27号 (``township`` is an optional prefix)."""
    return f"{township}{village}{rng.randint(1, 14)}组{rng.randint(1, 98)}号"


def grid_name(index: int) -> str:
    """The name of the ``index``-th grid, counting from 1: 1 → 第一网格, 12 → 第十二网格."""
    return f"第{chinese_numeral(index)}网格"


def household_head_relation(rng: random.Random) -> str:
    """A member's relation to the household head (never 户主 itself)."""
    return rng.choices(HOUSEHOLD_RELATIONS, weights=_RELATION_WEIGHTS)[0]
