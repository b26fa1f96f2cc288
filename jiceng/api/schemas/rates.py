"""The three rates of a division or unit, each as counted with its interval."""

from __future__ import annotations

from ninja import Schema


class RateOut(Schema):
    """One rate as counted: ``part`` of ``whole``, and its 95 % Wilson score interval."""

    value: float | None
    part: float
    whole: int
    low: float | None
    high: float | None


class RatesOut(Schema):
    code: str
    name: str
    kind: str  # the unit's kind with level=unit; empty for an area
    unit_id: int | None
    rank: int | None
    ranked: bool
    too_few: bool  # fewer ratings than JICENG_RANKING_MIN_RATED: shown, not ranked
    dispatched: int  # clocks started in the month
    responded: int  # of which answered in time
    rated: int
    solved: int
    satisfied: int
    basically: int
    response: RateOut
    resolution: RateOut
    satisfaction: RateOut
    response_rate: float | None
    resolution_rate: float | None
    satisfaction_rate: float | None
    composite: float | None
    local_share_village: float | None
    local_share_township: float | None
    local_share_county: float | None
