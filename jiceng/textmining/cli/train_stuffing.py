"""``train-stuffing``: learn the stuffed-list spam detector from real messages."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from jiceng.textmining.cli.common import columns, emit, file_texts


def _train_stuffing(args: argparse.Namespace) -> int:
    from jiceng.textmining import stuffing

    texts = file_texts(args.input, args.text_columns)
    started = time.perf_counter()
    model = stuffing.train(texts, seed=args.seed)
    stuffing.save(model, args.output)
    result = {"model": str(args.output), "real_messages": len(texts)}
    fitted = {"coef": model.coef, "intercept": model.intercept, "vice_above": model.vice_above}
    emit({**result, **fitted, "training_seconds": round(time.perf_counter() - started, 2)})
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser(
        "train-stuffing", help="learn the stuffed-list spam detector from real messages"
    )
    p.add_argument("--input", required=True, type=Path, nargs="+", help="CSV files of messages")
    p.add_argument("--text-columns", required=True, type=columns)
    p.add_argument("--output", required=True, type=Path, help="JSON model file to write")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated spam lists")
    p.set_defaults(run=_train_stuffing)
