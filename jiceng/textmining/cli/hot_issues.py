"""``hot-issues``: group the messages of a CSV file into problems, hottest first."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jiceng.textmining.cli.common import columns, emit
from jiceng.textmining.cli.message_rows import table_messages
from jiceng.textmining.hotissues.ranking import find_hot_issues
from jiceng.textmining.table import read_table


def _hot_issues(args: argparse.Namespace) -> int:
    optional = [args.time_column, args.likes_column, args.user_column]
    required = [args.id_column, *args.text_columns, *(c for c in optional if c)]
    table = read_table(args.input, required)
    messages = table_messages(table, args)
    issues = find_hot_issues(messages, top=args.top, min_similarity=args.min_similarity)
    if args.format == "text":
        for issue in issues:
            print(f"{issue.rank:>3} heat {issue.heat:6.2f} size {issue.size:>4}  {issue.label}")
    emit([issue.as_json() for issue in issues])
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser("hot-issues", help="group messages into problems, hottest first")
    p.add_argument("--input", required=True, type=Path)
    p.add_argument("--id-column", required=True)
    p.add_argument("--text-columns", required=True, type=columns, help="TITLE[,BODY…]")
    p.add_argument("--time-column")
    p.add_argument("--likes-column")
    p.add_argument("--user-column", help="count distinct users instead of messages")
    p.add_argument("--top", type=int, default=10)
    p.add_argument("--min-similarity", type=float, default=0.2)
    p.add_argument("--format", choices=["json", "text"], default="json")
    p.set_defaults(run=_hot_issues)
