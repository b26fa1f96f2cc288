"""How much each n-gram or word of a message's feature row counts for a label."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from jiceng.textmining.classify.model import Model


def contributions(model: Model, columns: np.ndarray, values: np.ndarray) -> dict[str, float]:
    """Contribution per n-gram or word (title, body and word features added up)."""
    split = len(model.body.vocabulary)
    words_from = split + len(model.head.vocabulary)
    totals: dict[str, float] = {}
    for col, value in zip(columns.tolist(), values.tolist(), strict=True):
        if col >= words_from:
            name = model.words.feature_name(col - words_from)
        elif col >= split:
            name = model.head.feature_name(col - split)
        else:
            name = model.body.feature_name(col)
        totals[name] = totals.get(name, 0.0) + value
    return totals
