"""The table of the backlog by age: how many open requests have waited how long."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from jiceng.core.exports import INTEGER, Column
from jiceng.insights.dashboard import AGE_THRESHOLDS, Backlog
from jiceng.web.dashboard.tables.base import Table
from jiceng.web.dashboard.tables.period import Period, child_header


def backlog_table(period: Period, rows: Sequence[Backlog]) -> Table:
    columns = [Column(child_header(period.area)), Column(_("Open requests"), INTEGER)]
    columns += [
        Column(_("Over %(days)d days") % {"days": days}, INTEGER) for days in AGE_THRESHOLDS
    ]
    table = Table("backlog", _("Backlog by age"), columns, when=period.today)
    for row in rows:
        href = period.drill_href(row.code)
        over = [row.over.get(days, 0) for days in AGE_THRESHOLDS]
        table.add([row.name, row.total, *over], {0: href} if href else None)
    return table
