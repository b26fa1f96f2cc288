"""Following a case from the portal or the API: lookups budgeted per address and per number."""

from __future__ import annotations

from jiceng.cases.models import Case
from jiceng.cases.public.lookup import find_case
from jiceng.core import throttle

# Wrong phone digits on one case number, from any address, through the portal or the
# API, before that number is locked: 4 digits are 10,000 guesses, so the budget
# must belong to the number, not to whoever is guessing.
FOLLOW_TRIES = (5, 3600)  # (wrong tries, window in seconds)
# Lookups from one address, portal and API together: generous for a family, tight for a script.
LOOKUPS_PER_ADDRESS = (20, 600)
_FOLLOW_KEY_LENGTH = 40


def lookup_allowed(address: str) -> bool:
    """Count one lookup from ``address``; False once the address has used up its budget."""
    limit, seconds = LOOKUPS_PER_ADDRESS
    return throttle.hit(f"follow:ip:{address or 'unknown'}", limit=limit, seconds=seconds)


def follow_case(number: str, phone_last4: str) -> Case | None:
    """``find_case`` for the public, with a lock per case number after a few wrong tries.

    Five wrong tries on a number in one clock hour lock it for the rest of that
    hour and the whole next one. A locked number answers None like a wrong
    or unknown one, so a caller cannot tell locked, wrong and unknown apart;
    unknown numbers are counted the same way for the same reason.
    """
    key = f"follow:number:{number.strip()[:_FOLLOW_KEY_LENGTH]}"
    limit, seconds = FOLLOW_TRIES
    if throttle.blocked(key, limit=limit, seconds=seconds, windows=2):
        return None
    case = find_case(number, phone_last4)
    if case is None:
        throttle.hit(key, limit=limit, seconds=seconds)
    return case
