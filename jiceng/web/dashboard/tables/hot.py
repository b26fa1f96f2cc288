"""The table of the area's hot issues, each with its cases and its trend."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import pii
from jiceng.core.exports import DECIMAL, INTEGER, CellValue, Column
from jiceng.insights.hotissues import HotIssueInArea
from jiceng.web.dashboard.tables.base import CASE_URL, Table
from jiceng.web.dashboard.tables.period import Period


def hot_issues_table(period: Period, issues: Sequence[HotIssueInArea]) -> Table:
    """One row per member request, so the file can be filtered and counted by issue."""
    columns = [
        Column(_("Rank"), INTEGER),
        Column(_("Hot issue")),
        Column(_("Heat"), DECIMAL),
        Column(_("Requests (county)"), INTEGER),
        Column(_("Villages (county)"), INTEGER),
        Column(_("Number")),
        Column(_("Title")),
        Column(_("Village")),
        Column(_("Submitted")),
    ]
    table = Table("hot-issues", _("Hot issues"), columns, header_column=1, when=period.label)
    for item in issues:
        issue = item.issue
        label = pii.mask_text(issue.label)
        head: list[CellValue] = [issue.rank, label, issue.heat, issue.size, issue.villages]
        for case in item.cases:
            number = case.number or ""
            submitted = timezone.localtime(case.submitted_at).date()
            title = pii.mask_text(case.title)
            values: list[CellValue] = [number, title, case.division.name, submitted]
            table.add([*head, *values], {5: CASE_URL.format(number=quote(number))})
    return table
