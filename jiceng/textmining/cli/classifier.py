"""``train``, ``evaluate`` and ``classify``: the category classifier."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from jiceng.textmining.classify.evaluation import evaluate
from jiceng.textmining.classify.model import Model
from jiceng.textmining.classify.training import train
from jiceng.textmining.cli.common import InputError, columns, emit, stdin_text
from jiceng.textmining.table import read_table


def _labelled(args: argparse.Namespace) -> tuple[list[str], list[str]]:
    table = read_table(args.input, [*args.text_columns, args.label_column])
    texts, labels = table.texts(args.text_columns), table.column(args.label_column)
    pairs = [(t, label) for t, label in zip(texts, labels, strict=True) if label and t.strip()]
    if not pairs:
        raise InputError(f"{args.input}: no row has both text and a {args.label_column!r} label")
    return [t for t, _ in pairs], [label for _, label in pairs]


def label_descriptions(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs from a category system: label first, then its sub-categories.

    附件1 of the Teddy Cup has this layout (一级分类,二级分类,三级分类).
    """
    table = read_table(path, [])
    if len(table.columns) < 2:
        raise InputError(f"{path}: needs a label column and at least one description column")
    label, described = table.columns[0], table.columns[1:]
    pairs = zip(table.texts(described), table.column(label), strict=True)
    return [(text, name) for text, name in pairs if name and text.strip()]


def _train(args: argparse.Namespace) -> int:
    texts, labels = _labelled(args)
    descriptions = label_descriptions(args.descriptions) if args.descriptions else []
    started = time.perf_counter()
    model = train(texts, labels, c=args.c, descriptions=descriptions)
    seconds = time.perf_counter() - started
    model.save(args.output)
    emit(
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
    emit(evaluate(model, texts, labels))
    return 0


def _classify(args: argparse.Namespace) -> int:
    model = Model.load(args.model)
    prediction = model.classify(stdin_text(), k=args.k)
    top = [{"label": label, "probability": round(p, 4)} for label, p in prediction.top]
    emit({"label": prediction.label, "top": top, "words": prediction.words})
    return 0


def _add_labelled(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, type=Path, help="CSV file with a header row")
    parser.add_argument(
        "--text-columns", required=True, type=columns, help="C1[,C2…]: joined with a space"
    )
    parser.add_argument("--label-column", required=True)


def add_commands(commands: Any) -> None:
    """Add this module's commands to the ``jiceng textmining`` subparsers."""
    p = commands.add_parser("train", help="train a category classifier from labelled CSV")
    _add_labelled(p)
    p.add_argument("--output", required=True, type=Path, help="model file to write")
    p.add_argument("--c", type=float, default=1.0, help="SVM regularisation (default 1.0)")
    p.add_argument(
        "--descriptions",
        type=Path,
        help="CSV category system: a label column, then columns naming its sub-categories",
    )
    p.set_defaults(run=_train)

    p = commands.add_parser("evaluate", help="score a model on labelled CSV")
    p.add_argument("--model", required=True, type=Path)
    _add_labelled(p)
    p.set_defaults(run=_evaluate)

    p = commands.add_parser("classify", help="classify the message on standard input")
    p.add_argument("--model", required=True, type=Path)
    p.add_argument("--k", type=int, default=3, help="number of labels in 'top' (default 3)")
    p.set_defaults(run=_classify)
