"""What every dashboard table is made of: the table, its cells, and the period it is about.

Each builder (``rates``, ``lists``, ``local``) turns selector results into a :class:`Table`
of raw values (numbers stay numbers, rates are fractions, "no data" is None) with headers
in the language of the request; the page formats them, the exports write them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from html import escape
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from jiceng.core.exports import DECIMAL, PERCENT, TEXT, CellValue, Column
from jiceng.insights.dashboard import Area
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


def child_header(area: Area) -> str:
    return str(Level(area.child_level).label) if area.child_level else _("Area")
