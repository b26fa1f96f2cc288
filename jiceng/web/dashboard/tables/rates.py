"""The rate tables: the ranking, the units of the area itself, and twelve months' trends."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.translation import gettext as _

from jiceng.core.exports import DECIMAL, INTEGER, PERCENT, CellValue, Column
from jiceng.insights.dashboard import MonthRates
from jiceng.insights.rates import RANKED_KINDS, AreaRates
from jiceng.people.models import UnitKind
from jiceng.web.dashboard.tables.base import Table
from jiceng.web.dashboard.tables.period import Period, child_header
from jiceng.web.dashboard.tables.rate_text import count_text, interval_text


def _rate_columns() -> list[Column]:
    """Each rate, then its count (x/n) and its 95 % Wilson interval (docs/rates.md)."""
    return [
        Column(_("Response rate"), PERCENT),
        Column(_("Answered in time / clocks")),
        Column(_("Response rate, 95% interval")),
        Column(_("Resolution rate"), PERCENT),
        Column(_("Solved / rated")),
        Column(_("Resolution rate, 95% interval")),
        Column(_("Satisfaction rate"), PERCENT),
        Column(_("Satisfied / rated")),
        Column(_("Satisfaction rate, 95% interval")),
        Column(_("Composite score"), DECIMAL),
    ]


def _rate_values(row: AreaRates) -> list[CellValue]:
    values: list[CellValue] = []
    for rate in (row.response, row.resolution, row.satisfaction):
        values += [rate.value, count_text(rate), interval_text(rate)]
    return [*values, row.composite]


def rank_value(row: AreaRates) -> CellValue:
    """The rank; "too few ratings" instead when the row has a score but too small a sample.

    Units of a kind that is never ranked (the dispatch centre) show no rank at all.
    """
    if row.kind and row.kind not in RANKED_KINDS:
        return None
    if row.rank is None and row.too_few and row.dispatched + row.rated > 0:
        return _("Too few ratings")
    return row.rank


def ranking_table(period: Period, rows: Sequence[AreaRates]) -> Table:
    columns = [Column(_("Rank"), INTEGER), Column(child_header(period.area)), *_rate_columns()]
    title = _("Ranking by composite score")
    table = Table("ranking", title, columns, header_column=1, when=period.label)
    for row in rows:
        href = period.drill_href(row.code)
        table.add([rank_value(row), row.name, *_rate_values(row)], {1: href} if href else None)
    return table


def units_table(period: Period, rows: Sequence[AreaRates]) -> Table:
    """The units sitting at the area itself; ranked only against units of the same kind."""
    columns = [Column(_("Rank"), INTEGER), Column(_("Unit")), Column(_("Kind")), *_rate_columns()]
    table = Table("units", _("Units at this level"), columns, header_column=1, when=period.label)
    for row in rows:
        kind = str(UnitKind(row.kind).label) if row.kind else ""
        table.add([rank_value(row), row.name, kind, *_rate_values(row)])
    return table


def trends_table(period: Period, rows: Sequence[MonthRates]) -> Table:
    columns = [Column(_("Month")), *_rate_columns()]
    table = Table("trends", _("Rates over twelve months"), columns, when=period.label)
    for row in rows:
        table.add([f"{row.month:%Y-%m}", *_rate_values(row)])
    return table
