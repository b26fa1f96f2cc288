"""What every dashboard table is made of (its cells are in ``cells``, its period in ``period``).

Each builder (``rates``, ``lists``, ``local``) turns selector results into a :class:`Table`
of raw values (numbers stay numbers, rates are fractions, "no data" is None) with headers
in the language of the request; the page formats them, the exports write them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from jiceng.core.exports import TEXT, CellValue, Column
from jiceng.web.dashboard.tables.cells import DisplayCell, show

CASE_URL = "/workbench/cases/{number}/"  # the workbench's case page


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
