"""``similar``: the closed cases of a CSV file most similar to a query, with their replies."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jiceng.textmining.cli.common import InputError, columns, emit, stdin_text
from jiceng.textmining.cli.past_cases import table_cases
from jiceng.textmining.similar import SimilarIndex
from jiceng.textmining.table import read_table


def _similar(args: argparse.Namespace) -> int:
    table = read_table(args.input, [args.id_column, *args.text_columns, args.reply_column])
    index = SimilarIndex(table_cases(table, args))
    query = args.query if args.query is not None else stdin_text()
    if not query.strip():
        raise InputError("empty --query")
    emit([hit.as_json() for hit in index.query(query, args.k)])
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser("similar", help="closed cases most similar to a query, with replies")
    p.add_argument("--input", required=True, type=Path)
    p.add_argument("--id-column", required=True)
    p.add_argument("--text-columns", required=True, type=columns, help="TITLE[,BODY…]")
    p.add_argument("--reply-column", required=True)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--query-stdin", action="store_true", help="read the query from stdin")
    source.add_argument("--query", help="the query text")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--format", choices=["json"], default="json")
    p.set_defaults(run=_similar)
