"""``jiceng textmining …`` commands: train/evaluate/classify, hot-issues, check-spam,
train-stuffing, similar.

Every command prints its result as JSON on the last line of standard output
(diagnostics go to standard error), so scripts can read ``tail -n 1``.  Bad
input — a missing file or column, an empty file, empty standard input —
exits with status 2 and a message naming what is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from jiceng.textmining.classify import Model, ModelError, evaluate, train
from jiceng.textmining.hotissues import Message, find_hot_issues
from jiceng.textmining.similar import PastCase, SimilarIndex
from jiceng.textmining.spam import check_spam
from jiceng.textmining.table import Table, TableError, parse_time, read_table


class InputError(ValueError):
    """Input the user can fix; reported without a traceback."""


def _columns(value: str) -> list[str]:
    columns = [c.strip() for c in value.split(",") if c.strip()]
    if not columns:
        raise argparse.ArgumentTypeError("expected one or more column names separated by commas")
    return columns


def _emit(result: Any) -> None:
    print(json.dumps(result, ensure_ascii=False))


def _stdin_text() -> str:
    text = sys.stdin.read()
    if not text.strip():
        raise InputError("no text on standard input")
    return text


def _labelled(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    table = read_table(args.input, [*args.text_columns, args.label_column])
    texts, labels = table.texts(args.text_columns), table.column(args.label_column)
    pairs = [(t, label) for t, label in zip(texts, labels, strict=True) if label and t.strip()]
    if not pairs:
        raise InputError(f"{args.input}: no row has both text and a {args.label_column!r} label")
    return [t for t, _ in pairs], [label for _, label in pairs]


def _train(args: argparse.Namespace) -> int:
    texts, labels = _labelled(args)
    started = time.perf_counter()
    model = train(texts, labels, c=args.c)
    seconds = time.perf_counter() - started
    model.save(args.output)
    _emit(
        {
            "model": str(args.output),
            "rows": len(texts),
            "labels": model.labels,
            "training_seconds": round(seconds, 2),
            "model_bytes": Path(args.output).stat().st_size,
        }
    )
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    model = Model.load(args.model)
    texts, labels = _labelled(args)
    _emit(evaluate(model, texts, labels))
    return 0


def _classify(args: argparse.Namespace) -> int:
    model = Model.load(args.model)
    prediction = model.classify(_stdin_text(), k=args.k)
    top = [{"label": label, "probability": round(p, 4)} for label, p in prediction.top]
    _emit({"label": prediction.label, "top": top, "words": prediction.words})
    return 0


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
    _emit([issue.as_json() for issue in issues])
    return 0


def _check_spam(args: argparse.Namespace) -> int:
    _emit(check_spam(_stdin_text()).as_json())
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
    _emit(
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
    query = args.query if args.query is not None else _stdin_text()
    if not query.strip():
        raise InputError("empty --query")
    _emit([hit.as_json() for hit in index.query(query, args.k)])
    return 0


def _add_labelled(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, type=Path, help="CSV file with a header row")
    parser.add_argument(
        "--text-columns", required=True, type=_columns, help="C1[,C2…]: joined with a space"
    )
    parser.add_argument("--label-column", required=True)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jiceng textmining", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    p = commands.add_parser("train", help="train a category classifier from labelled CSV")
    _add_labelled(p)
    p.add_argument("--output", required=True, type=Path, help="model file to write")
    p.add_argument("--c", type=float, default=1.0, help="SVM regularisation (default 1.0)")
    p.set_defaults(run=_train)

    p = commands.add_parser("evaluate", help="score a model on labelled CSV")
    p.add_argument("--model", required=True, type=Path)
    _add_labelled(p)
    p.set_defaults(run=_evaluate)

    p = commands.add_parser("classify", help="classify the message on standard input")
    p.add_argument("--model", required=True, type=Path)
    p.add_argument("--k", type=int, default=3, help="number of labels in 'top' (default 3)")
    p.set_defaults(run=_classify)

    p = commands.add_parser("hot-issues", help="group messages into problems, hottest first")
    p.add_argument("--input", required=True, type=Path)
    p.add_argument("--id-column", required=True)
    p.add_argument("--text-columns", required=True, type=_columns, help="TITLE[,BODY…]")
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
    p.add_argument("--text-columns", required=True, type=_columns)
    p.add_argument("--output", required=True, type=Path, help="JSON model file to write")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated spam lists")
    p.set_defaults(run=_train_stuffing)

    p = commands.add_parser("similar", help="closed cases most similar to a query, with replies")
    p.add_argument("--input", required=True, type=Path)
    p.add_argument("--id-column", required=True)
    p.add_argument("--text-columns", required=True, type=_columns, help="TITLE[,BODY…]")
    p.add_argument("--reply-column", required=True)
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("--query-stdin", action="store_true", help="read the query from stdin")
    source.add_argument("--query", help="the query text")
    p.add_argument("--k", type=int, default=5)
    p.add_argument("--format", choices=["json"], default="json")
    p.set_defaults(run=_similar)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``argv`` starts after the word ``textmining``."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return exc.code if isinstance(exc.code, int) else 2
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (TableError, ModelError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
