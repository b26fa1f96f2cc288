"""The table of the oldest open requests, each with where it waits and for how long."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases.models import Case
from jiceng.core import pii
from jiceng.core.exports import INTEGER, CellValue, Column
from jiceng.web.dashboard.tables.base import CASE_URL, Table
from jiceng.web.dashboard.tables.period import Period
from jiceng.web.labels import category_label, english_category_names


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
