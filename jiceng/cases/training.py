"""``jiceng textmining retrain``: the category model learns from the deployment's own dispatchers.

A training sample is a request whose category a dispatcher confirmed or corrected
when dispatching it (a ``classify`` event, see ``services.case_dispatch_classified``);
the category of its latest confirmation is the label. Nothing else is learnt from:
the category a resident picks on a web form is a guess, and consultations are not
dispatched. The model is written atomically next to its final name and renamed, so
a server that reloads it (on the file's change) never reads half a file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from jiceng.cases.intake.category import model_path
from jiceng.cases.intake.text import case_text
from jiceng.cases.models import CaseEvent, EventKind
from jiceng.textmining import Model, train

MIN_SAMPLES = 20
CV_FOLDS = 5
# Cross-validation needs this many samples of the rarest category, else it is skipped.
CV_MIN_PER_CLASS = 2


CV_MAX_SAMPLES = 5000


class TrainingError(ValueError):
    """Not enough confirmed categories to train on."""

    def __init__(self, message: str, *, samples: int) -> None:
        super().__init__(message)
        self.samples = samples


def confirmed_samples() -> tuple[list[str], list[str]]:
    """(texts, category codes) of every request a dispatcher confirmed, latest confirmation wins."""
    events = (
        CaseEvent.objects.filter(kind=EventKind.CLASSIFY)
        .order_by("case_id", "seq")
        .values_list("case_id", "data", "case__title", "case__description")
    )
    latest: dict[int, tuple[str, str]] = {}
    for case_id, data, title, description in events.iterator(chunk_size=5000):
        category = (data or {}).get("category")
        if category:
            latest[case_id] = (case_text(title, description), str(category))
    texts = [text for text, _ in latest.values()]
    labels = [label for _, label in latest.values()]
    return texts, labels


def cross_validated_macro_f1(texts: Sequence[str], labels: Sequence[str]) -> float | None:
    """Out-of-fold macro-F1, or None when some category has too few samples to split.

    Past CV_MAX_SAMPLES a fixed random subset is used: five more trainings on a whole
    county's year would take minutes, and the estimate hardly moves.
    """
    if len(texts) > CV_MAX_SAMPLES:
        keep = np.random.default_rng(0).permutation(len(texts))[:CV_MAX_SAMPLES]
        texts, labels = [texts[i] for i in keep], [labels[i] for i in keep]
    counts = Counter(labels)
    folds = min(CV_FOLDS, min(counts.values()))
    if len(counts) < 2 or folds < CV_MIN_PER_CLASS:
        return None
    y = np.asarray(labels)
    predicted = np.empty(len(y), dtype=object)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=0)
    for fit, held in splitter.split(np.zeros(len(y)), y):
        model = train([texts[i] for i in fit], [labels[i] for i in fit])
        predicted[held] = model.predict([texts[i] for i in held])
    return float(f1_score(y, predicted.astype(str), average="macro"))


def write_atomically(model: Model, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(handle)
    try:
        model.save(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def retrain(
    *, output: Path | None = None, min_samples: int = MIN_SAMPLES, cv: bool = True
) -> dict[str, Any]:
    """Train on the confirmed categories, write the model, and describe what was done."""
    texts, labels = confirmed_samples()
    counts = Counter(labels)
    if len(texts) < min_samples or len(counts) < 2:
        raise TrainingError(
            f"{len(texts)} confirmed categories in {len(counts)} categories; training needs at "
            f"least {min_samples} in 2 or more (dispatchers confirm them when dispatching)",
            samples=len(texts),
        )
    path = output or model_path()
    started = time.perf_counter()
    model = train(texts, labels)
    seconds = time.perf_counter() - started
    write_atomically(model, path)
    macro_f1 = cross_validated_macro_f1(texts, labels) if cv else None
    return {
        "model": str(path),
        "samples": len(texts),
        "classes": dict(sorted(counts.items())),
        "cv_macro_f1": None if macro_f1 is None else round(macro_f1, 4),
        "training_seconds": round(seconds, 2),
        "model_bytes": path.stat().st_size,
    }


def main(argv: Sequence[str]) -> int:
    """``jiceng textmining retrain [--output PATH] [--min-samples N] [--no-cv]``."""
    parser = argparse.ArgumentParser(
        prog="jiceng textmining retrain",
        description="Train the category model from the categories dispatchers confirmed.",
    )
    parser.add_argument("--output", type=Path, help=f"model file (default {model_path()})")
    parser.add_argument("--min-samples", type=int, default=MIN_SAMPLES)
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    try:
        summary = retrain(output=args.output, min_samples=args.min_samples, cv=not args.no_cv)
    except TrainingError as error:
        print(f"error: {error}", file=sys.stderr)
        print(json.dumps({"error": str(error), "samples": error.samples}, ensure_ascii=False))
        return 2
    print(json.dumps(summary, ensure_ascii=False))
    return 0
