"""The three rates and the ranking, per division or per unit (docs/rates.md)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from jiceng.api import schemas
from jiceng.api.native.access import user_of
from jiceng.api.native.app import ERRORS, api
from jiceng.cases.models import Tier
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.insights.rates import Rate, monthly_rates, unit_rates
from jiceng.places.models import Level


@api.get("/rates", response={200: list[schemas.RatesOut], **ERRORS}, tags=["rates"])
def rates(
    request: HttpRequest, year: int, month: int, within: str, level: str
) -> list[dict[str, Any]]:
    """The three rates and the ranking of every ``level`` division under ``within``, or with
    ``level=unit`` of every unit sitting there (docs/rates.md)."""
    user = user_of(request)
    if not within.startswith(user.jurisdiction):
        raise NotAllowed(_("That area is outside your jurisdiction."))
    if (
        level not in (Level.TOWNSHIP, Level.VILLAGE, "unit")
        or not 1 <= month <= 12
        or not 2000 <= year <= 2100
    ):
        raise InvalidInput(
            _("Give a year, a month 1–12 and level township, village or unit."), field="level"
        )
    if level == "unit":
        rows = unit_rates(year=year, month=month, within=within)
    else:
        rows = monthly_rates(year=year, month=month, within=within, level=level)

    def counted(rate: Rate) -> dict[str, Any]:
        low, high = rate.interval or (None, None)
        return {
            "value": rate.value,
            "part": rate.part,
            "whole": rate.whole,
            "low": low,
            "high": high,
        }

    return [
        {
            "code": r.code,
            "name": r.name,
            "kind": r.kind,
            "unit_id": r.unit_id,
            "rank": r.rank,
            "ranked": r.rank is not None,
            "too_few": r.too_few,
            "dispatched": r.dispatched,
            "responded": r.responded,
            "rated": r.rated,
            "solved": r.solved,
            "satisfied": r.satisfied,
            "basically": r.basically,
            "response": counted(r.response),
            "resolution": counted(r.resolution),
            "satisfaction": counted(r.satisfaction),
            "response_rate": r.response_rate,
            "resolution_rate": r.resolution_rate,
            "satisfaction_rate": r.satisfaction_rate,
            "composite": r.composite,
            "local_share_village": r.local_share(Tier.VILLAGE),
            "local_share_township": r.local_share(Tier.TOWNSHIP),
            "local_share_county": r.local_share(Tier.COUNTY),
        }
        for r in rows
    ]
