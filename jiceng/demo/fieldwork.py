"""Demo data for field work: four 诸暨市 policies and households in the home village.

The policies and the visits' findings are in ``data/fieldwork.json``.

Called once from the demo loader after grids exist. The small demo has no
households, so the demo cadre's village gets a street of them (``demo.village``), with the
attributes the policies look at; matching then opens the outreach items.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from jiceng.core import clock
from jiceng.demo import grammar
from jiceng.demo.setup import COUNTY, HOME_TOWNSHIP
from jiceng.demo.village import households
from jiceng.people.models import Household, Unit, UnitKind
from jiceng.places.models import Division
from jiceng.policies.models import Policy
from jiceng.policies.services import policies_match

_DATA = grammar.load("fieldwork")
# Each policy names its issuing department ("owner"): its staff alone may change the rule.
POLICIES: list[dict[str, Any]] = _DATA["policies"]


def load_fieldwork_demo(*, seed: int = 330681) -> int:
    """Policies, households of the demo cadre's village, some visits; returns outreach count."""
    rng = random.Random(seed)
    today = timezone.localdate(clock.now())
    with transaction.atomic():
        for policy in POLICIES:
            fields = {key: value for key, value in policy.items() if key != "owner"}
            Policy.objects.update_or_create(
                code=policy["code"],
                defaults={
                    **fields,
                    "scope": COUNTY,
                    "owner": _owner(**policy["owner"]),
                    "valid_from": date(today.year, 1, 1),
                },
            )
        village = (
            Division.objects.filter(code__startswith=HOME_TOWNSHIP, level="village")
            .order_by("code")
            .first()
        )
        if village is None:
            return 0
        if not Household.objects.filter(grid__village=village).exists():
            households(village, rng, today)
    return len(policies_match(within=village.code, today=today))


def _owner(*, slug: str, name: str) -> Unit:
    unit, _created = Unit.objects.get_or_create(
        division_id=COUNTY, kind=UnitKind.DEPARTMENT, slug=slug, defaults={"name": name}
    )
    return unit
