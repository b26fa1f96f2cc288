"""Rows of a CSV file as :class:`Message` objects for ``hot-issues``."""

from __future__ import annotations

import argparse

from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.table import Table, parse_time


def _likes(value: str) -> int:
    try:
        return max(int(float(value)), 0)
    except ValueError:
        return 0


def table_messages(table: Table, args: argparse.Namespace) -> list[Message]:
    title_column = args.text_columns[0] if len(args.text_columns) > 1 else None
    return [
        Message(
            id=row[args.id_column].strip(),
            text=" ".join(row.get(c) or "" for c in args.text_columns),
            title=(row.get(title_column) or "").strip() if title_column else "",
            time=parse_time(row.get(args.time_column) or "") if args.time_column else None,
            likes=_likes(row.get(args.likes_column) or "0") if args.likes_column else 0,
            user=(row.get(args.user_column) or "").strip() if args.user_column else "",
        )
        for row in table.rows
    ]
