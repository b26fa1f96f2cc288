"""Honest rankings: equal scores share a rank, too few ratings are shown but not ranked."""

from __future__ import annotations

from collections.abc import Iterable

from jiceng.insights.rates.area import AreaRates
from jiceng.people.models import UnitKind

# Units ranked against units of the same kind; the dispatch centre only gets its own line.
RANKED_KINDS = (UnitKind.VILLAGE, UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)


def _score(row: AreaRates) -> float:
    # Rounded so that float noise in equal sums of equal rates does not split a tie.
    return round(row.composite or 0.0, 9)


def rank(rows: list[AreaRates]) -> list[AreaRates]:
    """Best composite first; equal scores share a rank (1, 1, 3).

    Rows without a score, or with too few ratings, are not ranked and come last.
    """
    eligible = [r for r in rows if r.composite is not None and not r.too_few]
    scored = sorted(eligible, key=lambda r: (-_score(r), r.code, r.name))
    for position, row in enumerate(scored, start=1):
        before = scored[position - 2] if position > 1 else None
        tied = before is not None and _score(before) == _score(row)
        row.rank = before.rank if tied and before is not None else position
    chosen = {id(r) for r in eligible}
    rest = sorted((r for r in rows if id(r) not in chosen), key=lambda r: (r.code, r.name))
    for row in rest:
        row.rank = None
    return scored + rest


def rank_units(lines: Iterable[AreaRates]) -> list[AreaRates]:
    """Each kind ranked against itself; kinds not ranked (the dispatch centre) come last."""
    ranked: list[AreaRates] = []
    lines = list(lines)
    for kind in [*RANKED_KINDS, *(k for k in UnitKind if k not in RANKED_KINDS)]:
        peers = [line for line in lines if line.kind == kind]
        ranked += rank(peers) if kind in RANKED_KINDS else sorted(peers, key=lambda r: r.name)
    return ranked
