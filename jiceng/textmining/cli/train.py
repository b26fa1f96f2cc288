"""``train``: fit a category classifier on labelled CSV and write the model file."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from jiceng.textmining.classify.training import train
from jiceng.textmining.cli.common import emit
from jiceng.textmining.cli.labelled import add_labelled, label_descriptions, labelled


def _train(args: argparse.Namespace) -> int:
    texts, labels = labelled(args)
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


def add_command(commands: Any) -> None:
    p = commands.add_parser("train", help="train a category classifier from labelled CSV")
    add_labelled(p)
    p.add_argument("--output", required=True, type=Path, help="model file to write")
    p.add_argument("--c", type=float, default=1.0, help="SVM regularisation (default 1.0)")
    p.add_argument(
        "--descriptions",
        type=Path,
        help="CSV category system: a label column, then columns naming its sub-categories",
    )
    p.set_defaults(run=_train)
