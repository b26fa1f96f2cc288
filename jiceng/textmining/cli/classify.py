"""``classify``: the label, top labels and phrases of the message on standard input."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jiceng.textmining.classify.model import Model
from jiceng.textmining.cli.common import emit, stdin_text


def _classify(args: argparse.Namespace) -> int:
    model = Model.load(args.model)
    prediction = model.classify(stdin_text(), k=args.k)
    top = [{"label": label, "probability": round(p, 4)} for label, p in prediction.top]
    emit({"label": prediction.label, "top": top, "words": prediction.words})
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser("classify", help="classify the message on standard input")
    p.add_argument("--model", required=True, type=Path)
    p.add_argument("--k", type=int, default=3, help="number of labels in 'top' (default 3)")
    p.set_defaults(run=_classify)
