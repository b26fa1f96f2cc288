"""Rows of a CSV file as :class:`PastCase` objects for ``similar``."""

from __future__ import annotations

import argparse

from jiceng.textmining.similar import PastCase
from jiceng.textmining.table import Table


def table_cases(table: Table, args: argparse.Namespace) -> list[PastCase]:
    """One case per row: the first text column is the title when there are several."""
    title_column = args.text_columns[0] if len(args.text_columns) > 1 else None
    body_columns = args.text_columns[1:] if title_column else args.text_columns
    return [
        PastCase(
            id=row[args.id_column].strip(),
            title=(row.get(title_column) or "").strip() if title_column else "",
            text=" ".join((row.get(c) or "").strip() for c in body_columns),
            reply=(row.get(args.reply_column) or "").strip(),
        )
        for row in table.rows
    ]
