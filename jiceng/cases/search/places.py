"""The place a searched queryset is confined to, so the index narrows to it first.

When every case of the searched queryset lies under one division (an area list says so
with a range of division codes, a place filter too), the place token of that division is
required as well. The index then intersects the query's matches with the place's cases
itself, instead of the database checking every match against the case table
(bench/search.md). The token only narrows the candidates; the queryset's own conditions
still decide what is returned.
"""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases.models import Case
from jiceng.cases.search.tokens import PLACE_LEVELS
from jiceng.core.fast.where import column_bounds
from jiceng.places.codes import next_code


def implied_place(cases: QuerySet[Case]) -> str:
    """The narrowest division with a place token that every case of ``cases`` lies under, or "".

    Read from the queryset's own conditions on the case's division that hold outright:
    a range of codes (``selectors.within``, the area list and the place filter) or a
    code prefix. A condition under OR or NOT is ignored, so the answer can be too wide
    (no narrowing), never too narrow. Division codes are digits; a case's is a village's.
    """
    bounds = column_bounds(cases, "division_id")
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
