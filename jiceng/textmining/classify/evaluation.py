"""Quality and speed of a model on labelled texts."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from jiceng.textmining.classify.model import Model


def evaluate(model: Model, texts: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Quality and speed of ``model`` on labelled texts.

    ``messages_per_second`` divides by the CPU time of this process (one core,
    normalisation included), so it does not depend on what else the machine runs.
    """
    from sklearn.metrics import precision_recall_fscore_support

    truth = [str(label).strip() for label in labels]
    cpu, wall = time.process_time(), time.perf_counter()
    predicted = model.predict(texts)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    names = sorted(set(truth) | set(predicted))
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=names, zero_division=0)
    per_class = {
        name: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, name in enumerate(names)
    }
    return {
        "messages": len(truth),
        "macro_f1": float(np.mean(f)),
        "accuracy": float(np.mean([a == b for a, b in zip(truth, predicted, strict=True)])),
        "per_class": per_class,
        "messages_per_second": len(truth) / max(cpu, 1e-9),
        "messages_per_second_wall": len(truth) / max(wall, 1e-9),
    }
