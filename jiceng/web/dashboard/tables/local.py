"""Where the month's requests were resolved: village, township or county."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from jiceng.cases.models import Tier
from jiceng.core.exports import INTEGER, PERCENT, Column
from jiceng.insights.rates import AreaRates
from jiceng.web.dashboard.tables.base import Table
from jiceng.web.dashboard.tables.period import Period, child_header

TIERS = [Tier.VILLAGE, Tier.TOWNSHIP, Tier.COUNTY]


def tier_names() -> dict[str, tuple[str, str]]:
    """Per tier: the count's header and the share's header."""
    return {
        Tier.VILLAGE: (_("Resolved by villages"), _("Village share")),
        Tier.TOWNSHIP: (_("Resolved by the township"), _("Township share")),
        Tier.COUNTY: (_("Resolved by the county"), _("County share")),
    }


def local_table(period: Period, rows: Sequence[AreaRates]) -> Table:
    names = tier_names()
    columns = [Column(child_header(period.area)), Column(_("Resolutions"), INTEGER)]
    columns += [Column(names[tier][0], INTEGER) for tier in TIERS]
    columns += [Column(names[tier][1], PERCENT) for tier in TIERS]
    table = Table("local", _("Where requests were resolved"), columns, when=period.label)
    for row in sorted(rows, key=lambda r: r.code):
        counts = [row.resolved_by_tier.get(tier, 0) for tier in TIERS]
        shares = [row.local_share(tier) for tier in TIERS]
        href = period.drill_href(row.code)
        table.add([row.name, sum(counts), *counts, *shares], {0: href} if href else None)
    return table
