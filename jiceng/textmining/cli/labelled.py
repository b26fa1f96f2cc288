"""Labelled CSV input shared by ``train`` and ``evaluate``, and category-system files."""

from __future__ import annotations

import argparse
from pathlib import Path

from jiceng.textmining.cli.common import InputError, columns
from jiceng.textmining.table import read_table


def labelled(args: argparse.Namespace) -> tuple[list[str], list[str]]:
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


def add_labelled(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--input", required=True, type=Path, help="CSV file with a header row")
    parser.add_argument(
        "--text-columns", required=True, type=columns, help="C1[,C2…]: joined with a space"
    )
    parser.add_argument("--label-column", required=True)
