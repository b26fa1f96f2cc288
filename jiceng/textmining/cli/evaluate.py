"""``evaluate``: score a model file on labelled CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jiceng.textmining.classify.evaluation import evaluate
from jiceng.textmining.classify.model import Model
from jiceng.textmining.cli.common import emit
from jiceng.textmining.cli.labelled import add_labelled, labelled


def _evaluate(args: argparse.Namespace) -> int:
    model = Model.load(args.model)
    texts, labels = labelled(args)
    emit(evaluate(model, texts, labels))
    return 0


def add_command(commands: Any) -> None:
    p = commands.add_parser("evaluate", help="score a model on labelled CSV")
    p.add_argument("--model", required=True, type=Path)
    add_labelled(p)
    p.set_defaults(run=_evaluate)
