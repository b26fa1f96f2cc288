"""Generated mobile numbers, and resident ID numbers with a valid check character."""

from __future__ import annotations

import datetime
import random

from jiceng.demo.grammar import load

_MOBILE_PREFIXES: tuple[str, ...] = tuple(load("people")["mobile_prefixes"])

# ISO 7064 MOD 11-2, as GB 11643 prescribes for the resident ID's last character.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

_ID_CHECK = "10X98765432"


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
