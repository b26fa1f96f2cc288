"""The dispatch catalogue (派单目录): which unit owns a case at a given tier."""

from __future__ import annotations

from jiceng.cases.models import TIER_ORDER, Category, DispatchRule, Tier
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit
from jiceng.people.units import not_set_up, unit_for_code


def unit_for_tier(*, category: Category, location_code: str, tier: str) -> Unit:
    """The unit responsible for a case of ``category`` at ``location_code`` on ``tier``."""
    rule = (
        DispatchRule.objects.filter(county_id=location_code[:6], category=category, tier=tier)
        .select_related("unit")
        .first()
    )
    if rule is not None and rule.unit is not None:
        return rule.unit
    prefix = {Tier.VILLAGE: 12, Tier.TOWNSHIP: 9, Tier.COUNTY: 6}[Tier(tier)]
    unit = unit_for_code(location_code[:prefix])
    if unit is None:
        raise InvalidInput(not_set_up(location_code[:prefix]), field="division")
    return unit


def proposed_unit(*, category: Category, location_code: str) -> Unit:
    """Where a new request goes first: the category's first tier."""
    return unit_for_tier(category=category, location_code=location_code, tier=category.first_tier)


def next_tier(tier: str) -> str | None:
    position = TIER_ORDER.index(Tier(tier))
    return TIER_ORDER[position + 1] if position + 1 < len(TIER_ORDER) else None
