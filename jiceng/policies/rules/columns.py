"""The resident columns to fetch so that Python can decide a rule and give its reasons."""

from __future__ import annotations

from jiceng.policies.rules.fields import FIELDS, Rule
from jiceng.policies.rules.walking import has_choice, leaf_fields, needs_health

PLACE_VALUES = ("id", "household_id", "household__grid__village_id")


def person_values(rule: Rule) -> tuple[str, ...]:
    """The columns to fetch: where the person lives, plus what Python must decide.

    Where no ``any`` group and no health mark appear, every condition held for
    every match, so the reasons are the same for all and no attribute is fetched.
    Health marks come as ciphertext (``health``), decrypted only when asked for.
    """
    if not has_choice(rule) and not needs_health(rule):
        return PLACE_VALUES
    return PLACE_VALUES + tuple(sorted({FIELDS[name][2] for name in leaf_fields(rule)}))
