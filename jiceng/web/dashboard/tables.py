"""The dashboard's tables: one definition feeds the page, the Excel file and the CSV file.

Each builder turns selector results into a :class:`Table` of raw values
(numbers stay numbers, rates are fractions, "no data" is None) with headers in
the language of the request; the page formats them, the exports write them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from html import escape
from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, Tier
from jiceng.core import pii
from jiceng.core.exports import DECIMAL, INTEGER, PERCENT, TEXT, CellValue, Column
from jiceng.insights.dashboard import AGE_THRESHOLDS, Area, Backlog, MonthRates
from jiceng.insights.hotissues import HotIssueInArea
from jiceng.insights.rates import RANKED_KINDS, AreaRates, Rate
from jiceng.people.models import UnitKind
from jiceng.places.models import Level

NO_DATA = "—"
CASE_URL = "/workbench/cases/{number}/"  # the workbench's case page


@dataclass(frozen=True)
class DisplayCell:
    text: str
    href: str = ""
    numeric: bool = False
    heads_row: bool = False

    @property
    def html(self) -> SafeString:
        """The cell's markup, with its text and link escaped."""
        tag = "th" if self.heads_row else "td"
        attrs = ' scope="row"' if self.heads_row else (' class="num"' if self.numeric else "")
        text = escape(self.text)
        if self.href:
            text = f'<a href="{escape(self.href)}">{text}</a>'
        return mark_safe(f"<{tag}{attrs}>{text}</{tag}>")  # noqa: S308 - escaped above


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list[CellValue]] = field(default_factory=list)
    links: list[dict[int, str]] = field(default_factory=list)
    header_column: int = 0  # the column that names the row (a <th scope="row">)
    when: str = ""  # what the figures are for: a month, or the day of a snapshot

    def add(self, values: Sequence[CellValue], links: dict[int, str] | None = None) -> None:
        self.rows.append(list(values))
        self.links.append(links or {})

    @property
    def display(self) -> list[list[DisplayCell]]:
        return [
            [
                DisplayCell(
                    show(value, column.kind),
                    links.get(i, ""),
                    numeric=column.kind != TEXT,
                    heads_row=i == self.header_column,
                )
                for i, (value, column) in enumerate(zip(row, self.columns, strict=True))
            ]
            for row, links in zip(self.rows, self.links, strict=True)
        ]

    @property
    def html_rows(self) -> list[SafeString]:
        """Each row's cells as markup, every text escaped by DisplayCell.html.

        Built here rather than with template tags because a county page has about a thousand
        cells, and per-cell template logic was half of the page's render time.
        """
        return [mark_safe("".join(cell.html for cell in row)) for row in self.display]  # noqa: S308


def show(value: CellValue, kind: str) -> str:
    if value is None:
        return NO_DATA
    if kind == PERCENT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == DECIMAL and isinstance(value, int | float):
        return f"{value:.1f}"
    return str(value)


@dataclass(frozen=True)
class Period:
    """What every table is about: who looks, where, which month, and when "now" is."""

    area: Area
    year: int
    month: int
    now: datetime

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def today(self) -> str:
        return _("now (%(day)s)") % {"day": f"{timezone.localdate(self.now):%Y-%m-%d}"}

    @cached_property
    def _home(self) -> str:
        return reverse("dashboard:home")

    def drill_href(self, code: str) -> str:
        """The dashboard for a child area, when it can be broken down further."""
        if self.area.child_level == Level.VILLAGE:
            return ""
        return self._home + "?" + urlencode({"month": self.label, "area": code})


def _child_header(area: Area) -> str:
    return str(Level(area.child_level).label) if area.child_level else _("Area")


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


def _number(value: float) -> str:
    return f"{value:g}" if value == int(value) else f"{value:.1f}"


def count_text(rate: Rate) -> str:
    """``x/n``; x has a decimal when 基本满意 is weighted below one."""
    return f"{_number(rate.part)}/{rate.whole}"


def interval_text(rate: Rate) -> str | None:
    interval = rate.interval
    if interval is None:
        return None
    low, high = interval
    return f"{low * 100:.1f}–{high * 100:.1f}%"


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
    columns = [Column(_("Rank"), INTEGER), Column(_child_header(period.area)), *_rate_columns()]
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


def backlog_table(period: Period, rows: Sequence[Backlog]) -> Table:
    columns = [Column(_child_header(period.area)), Column(_("Open requests"), INTEGER)]
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
    table = Table("oldest", _("Oldest open requests"), columns, when=period.today)
    for case in cases:
        number = case.number or ""
        submitted = timezone.localtime(case.submitted_at).date()
        age = (period.now - case.submitted_at).days
        values: list[CellValue] = [
            number,
            pii.mask_text(case.title),
            case.category.name,
            case.division.name,
            submitted,
            age,
        ]
        table.add([*values, case.owner.name], {0: CASE_URL.format(number=quote(number))})
    return table


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
    columns = [Column(_child_header(period.area)), Column(_("Resolutions"), INTEGER)]
    columns += [Column(names[tier][0], INTEGER) for tier in TIERS]
    columns += [Column(names[tier][1], PERCENT) for tier in TIERS]
    table = Table("local", _("Where requests were resolved"), columns, when=period.label)
    for row in sorted(rows, key=lambda r: r.code):
        counts = [row.resolved_by_tier.get(tier, 0) for tier in TIERS]
        shares = [row.local_share(tier) for tier in TIERS]
        href = period.drill_href(row.code)
        table.add([row.name, sum(counts), *counts, *shares], {0: href} if href else None)
    return table
