"""A table's cells as the page shows them: text, link and markup, and "no data" as a dash."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from jiceng.core.exports import DECIMAL, PERCENT, CellValue

NO_DATA = "—"


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


def show(value: CellValue, kind: str) -> str:
    if value is None:
        return NO_DATA
    if kind == PERCENT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if kind == DECIMAL and isinstance(value, int | float):
        return f"{value:.1f}"
    return str(value)
