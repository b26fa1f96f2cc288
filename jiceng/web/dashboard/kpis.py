"""The key figures at the top of the dashboard, each with its value and what it counts."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.exports import PERCENT
from jiceng.insights import dashboard as selectors
from jiceng.web.dashboard.figures import Figures
from jiceng.web.dashboard.tables.cells import show
from jiceng.web.dashboard.tables.period import Period
from jiceng.web.dashboard.tables.rate_text import count_text


def kpis(period: Period, found: Figures) -> list[tuple[str, str, str]]:
    ages, got = found.ages, found.received
    total = found.total
    resolutions = sum(sum(row.resolved_by_tier.values()) for row in found.rows)
    old = sum(row.over.get(selectors.AGE_THRESHOLDS[1], 0) for row in ages)
    return [
        (
            _("Cases received"),
            str(got["total"]),
            _("of which %(n)d consultations") % {"n": got["consultations"]},
        ),
        (_("Resolutions"), str(resolutions), ""),
        (_("Response rate"), show(total.response_rate, PERCENT), count_text(total.response)),
        (
            _("Resolution rate"),
            show(total.resolution_rate, PERCENT),
            count_text(total.resolution),
        ),
        (
            _("Satisfaction rate"),
            show(total.satisfaction_rate, PERCENT),
            count_text(total.satisfaction),
        ),
        (
            _("Open requests now"),
            str(sum(row.total for row in ages)),
            _("%(n)d open over 90 days") % {"n": old},
        ),
    ]
