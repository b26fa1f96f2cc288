"""The burden of field work: fields typed and prefilled per visit, month by month."""

from __future__ import annotations

import statistics
from collections import defaultdict

from jiceng.fieldwork.models import Visit


def burden_by_month() -> list[tuple[str, float, float]]:
    """Median typed and prefilled fields per visit, per month — never per person."""
    months: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for day, typed, prefilled in Visit.objects.values_list(
        "visited_on", "typed_fields", "prefilled_fields"
    ):
        months[f"{day:%Y-%m}"].append((typed, prefilled))
    return [
        (
            month,
            statistics.median(t for t, _p in pairs),
            statistics.median(p for _t, p in pairs),
        )
        for month, pairs in sorted(months.items())[-6:]
    ]
