"""The place a searched queryset is confined to, so the index narrows to it first.

When every case of the searched queryset lies under one division (an area list says so
with a range of division codes, a place filter too), the place token of that division is
required as well. The index then intersects the query's matches with the place's cases
itself, instead of the database checking every match against the case table
(bench/search.md). The token only narrows the candidates; the queryset's own conditions
still decide what is returned.

A scope that is a place OR the cases of some units (a dispatcher's: their county, and
what their centre owns anywhere) narrows on PostgreSQL to the place token's matches
plus the matches among those units' cases outside the place (:class:`Narrowing`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from jiceng.cases.models import Case
from jiceng.cases.search.tokens import PLACE_LEVELS
from jiceng.core.fast.where import ColumnBounds, alternatives, column_bounds, column_values
from jiceng.places.codes import next_code


def implied_place(cases: QuerySet[Case]) -> str:
    """The narrowest division with a place token that every case of ``cases`` lies under, or "".

    Read from the queryset's own conditions on the case's division that hold outright:
    a range of codes (``selectors.within``, the area list and the place filter) or a
    code prefix. A condition under OR or NOT is ignored, so the answer can be too wide
    (no narrowing), never too narrow. Division codes are digits; a case's is a village's.
    """
    return _place_within(column_bounds(cases, "division_id"))


def _place_within(bounds: ColumnBounds) -> str:
    lowest, highest = bounds.lowest, bounds.highest
    for length in reversed(PLACE_LEVELS):
        codes = [prefix[:length] for prefix in bounds.prefixes]
        bound = lowest[:length]  # bound <= lowest <= code < highest <= next: starts with bound
        if bound.isdigit() and highest and highest <= (next_code(bound) or highest):
            codes.append(bound)
        for code in codes:
            if len(code) == length and code.isdigit():
                return code
    return ""


@dataclass(frozen=True)
class Narrowing:
    """Every case of a queryset lies under ``place`` or is owned by one of ``owners``."""

    place: str = ""
    owners: tuple[int, ...] = ()


def implied_narrowing(cases: QuerySet[Case]) -> Narrowing:
    """:func:`implied_place`, else a place OR-ed with owning units, read from one OR clause.

    Every branch of the clause must imply the same place or an owning unit outright; a
    branch that implies neither (or another place) leaves nothing to narrow to.
    """
    place = implied_place(cases)
    if place:
        return Narrowing(place)
    for branches in alternatives(cases):
        places, owners = set(), []
        for branch in branches:
            branch_place = _place_within(column_bounds(cases, "division_id", branch))
            owner = column_values(cases, "owner_id", branch)
            if branch_place:
                places.add(branch_place)
            elif owner:
                owners.append(owner[0])
            else:
                break
        else:
            if len(places) == 1:
                return Narrowing(places.pop(), tuple(sorted(set(owners))))
    return Narrowing()
