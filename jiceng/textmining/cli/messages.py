"""``hot-issues``, ``check-spam``, ``train-stuffing`` and ``similar``: messages as a whole."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from jiceng.textmining.cli.common import InputError, columns, emit, stdin_text
from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.hotissues.ranking import find_hot_issues
from jiceng.textmining.similar import PastCase, SimilarIndex
from jiceng.textmining.spam import check_spam
from jiceng.textmining.table import Table, parse_time, read_table


def _likes(value: str) -> int:
    try:
        return max(int(float(value)), 0)
    except ValueError:
        return 0


def _messages(table: Table, args: argparse.Namespace) -> list[Message]:
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


def _hot_issues(args: argparse.Namespace) -> int:
    optional = [args.time_column, args.likes_column, args.user_column]
    required = [args.id_column, *args.text_columns, *(c for c in optional if c)]
    table = read_table(args.input, required)
    issues = find_hot_issues(
        _messages(table, args), top=args.top, min_similarity=args.min_similarity
    )
    if args.format == "text":
        for issue in issues:
            print(f"{issue.rank:>3} heat {issue.heat:6.2f} size {issue.size:>4}  {issue.label}")
    emit([issue.as_json() for issue in issues])
    return 0


def _check_spam(args: argparse.Namespace) -> int:
    emit(check_spam(stdin_text()).as_json())
    return 0


def _train_stuffing(args: argparse.Namespace) -> int:
    from jiceng.textmining import stuffing

    texts: list[str] = []
    for path in args.input:
        table = read_table(path, args.text_columns)
        texts.extend(t for t in table.texts(args.text_columns) if t.strip())
    if not texts:
        raise InputError("no text in the input files")
    started = time.perf_counter()
    model = stuffing.train(texts, seed=args.seed)
    stuffing.save(model, args.output)
    emit(
        {
            "model": str(args.output),
            "real_messages": len(texts),
            "coef": model.coef,
            "intercept": model.intercept,
            "vice_above": model.vice_above,
            "training_seconds": round(time.perf_counter() - started, 2),
        }
    )
    return 0


def _similar(args: argparse.Namespace) -> int:
    table = read_table(args.input, [args.id_column, *args.text_columns, args.reply_column])
    title_column = args.text_columns[0] if len(args.text_columns) > 1 else None
    body_columns = args.text_columns[1:] if title_column else args.text_columns
    index = SimilarIndex(
        PastCase(
            id=row[args.id_column].strip(),
            title=(row.get(title_column) or "").strip() if title_column else "",
            text=" ".join((row.get(c) or "").strip() for c in body_columns),
            reply=(row.get(args.reply_column) or "").strip(),
        )
        for row in table.rows
    )
    query = args.query if args.query is not None else stdin_text()
    if not query.strip():
        raise InputError("empty --query")
    emit([hit.as_json() for hit in index.query(query, args.k)])
    return 0


def add_commands(commands: Any) -> None:
    """Add this module's commands to the ``jiceng textmining`` subparsers."""
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

    p = commands.add_parser("check-spam", help="judge the text on standard input")
    p.set_defaults(run=_check_spam)

    p = commands.add_parser(
        "train-stuffing", help="learn the stuffed-list spam detector from real messages"
    )
    p.add_argument("--input", required=True, type=Path, nargs="+", help="CSV files of messages")
    p.add_argument("--text-columns", required=True, type=columns)
    p.add_argument("--output", required=True, type=Path, help="JSON model file to write")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated spam lists")
    p.set_defaults(run=_train_stuffing)

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
