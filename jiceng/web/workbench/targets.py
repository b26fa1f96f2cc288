"""Choosing where a case is sent: the county's units, narrowed to the case's township.

A county has 500+ units. The chooser lists the county's own units and those of the
township where the case is, with the proposed or chosen unit named beside it; "all
units" lists the whole county. A search box (``jiceng.js``) filters the options; the
narrowed list is short enough to use without it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from jiceng.cases import selectors
from jiceng.people.models import Unit, UnitKind, User
from jiceng.web.workbench.display import unit_groups, unit_options

COUNTY_CODE = 6
TOWNSHIP_CODE = 9
ALL = "all"  # the query value that lists every unit of the county


@dataclass(frozen=True)
class Chooser:
    options: SafeString
    chosen: str  # the name of the unit chosen in the list, or "" for the proposal
    narrowed_to: str  # the township whose units are listed, or "" when all are


def _shown(units: list[Unit], township: str, selected: str) -> list[Unit]:
    return [
        unit
        for unit in units
        if len(unit.division_id) <= COUNTY_CODE
        or unit.division_id.startswith(township)
        or str(unit.pk) == selected
    ]


def _township_unit_name(units: list[Unit], township: str) -> str:
    if not township:
        return ""
    found = (u for u in units if u.kind == UnitKind.TOWNSHIP and u.division_id == township)
    return next((unit.name for unit in found), "")


def dispatch_chooser(user: User, *, place: str, selected: str, everything: bool) -> Chooser:
    """The options for one dispatch form; ``place`` is the case's village or township code."""
    units = list(selectors.dispatch_targets(user))
    township = place[:TOWNSHIP_CODE] if len(place) >= TOWNSHIP_CODE else ""
    # Named after the township's own unit (no query): e.g. "those of 枫桥镇人民政府".
    name = "" if everything else _township_unit_name(units, township)
    shown = _shown(units, township, selected) if name else units
    chosen = next((unit.name for unit in shown if str(unit.pk) == selected), "")
    return Chooser(unit_options(unit_groups(shown), selected), chosen, name)
