"""The tables that list: the backlog by age and the oldest open requests."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases.models import Case
from jiceng.core import pii
from jiceng.core.exports import INTEGER, CellValue, Column
from jiceng.insights.dashboard import AGE_THRESHOLDS, Backlog
from jiceng.web.dashboard.tables.base import CASE_URL, Period, Table, child_header
from jiceng.web.labels import category_label, english_category_names


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


def oldest_table(period: Period, cases: Sequence[Case]) -> Table:
    columns = [
        Column(_("Number")),
        Column(_("Title")),
        Column(_("Category")),
        Column(_("Village")),
        Column(_("Submitted")),
        Column(_("Age (days)"), INTEGER),
        Column(_("Current owner")),
    ]
    names = english_category_names() if cases else {}
    table = Table("oldest", _("Oldest open requests"), columns, when=period.today)
    for case in cases:
        number = case.number or ""
        submitted = timezone.localtime(case.submitted_at).date()
        age = (period.now - case.submitted_at).days
        values: list[CellValue] = [
            number,
            pii.mask_text(case.title),
            names.get(case.category_id) or category_label(case.category),
            case.division.name,
            submitted,
            age,
        ]
        table.add([*values, case.owner.name], {0: CASE_URL.format(number=quote(number))})
    return table
