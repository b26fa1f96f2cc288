"""What a rule of the rule book says (see cases.rules.book for the rules themselves)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise

from jiceng.cases.models import Case, Kind


class Relation(StrEnum):
    OWNER = "owner"  # works in the unit that owns the case now
    VISIBLE = "visible"  # the case lies inside the user's jurisdiction
    CATALOGUE = "catalogue"  # works in the unit the dispatch catalogue makes responsible


Condition = Callable[[Case], "str | None"]


@dataclass(frozen=True)
class Rule:
    action: str
    verb: Promise  # "dispatch", as in "Cannot dispatch a case that is closed."
    states: frozenset[str]
    roles: frozenset[str] = frozenset()
    relation: Relation = Relation.OWNER
    kinds: frozenset[str] = frozenset({Kind.REQUEST, Kind.CONSULTATION})
    system: bool = False  # may be done with nobody signed in: the sweep, or the resident's link
    condition: Condition | None = None
    needs: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()  # fields the person may give (resolve: the root cause)
