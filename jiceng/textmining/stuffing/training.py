"""Training the stuffing model on real messages against generated stuffed pages."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from jiceng.textmining.stuffing.model import FEATURES, StuffingModel
from jiceng.textmining.stuffing.reading import CLAUSE, SEPARATOR, SHORT, canonical, grams, length
from jiceng.textmining.stuffing_gen.inventory import TRAIN
from jiceng.textmining.stuffing_gen.pages import stuffed_list, stuffed_page


def _real_segments(texts: Sequence[str]) -> list[str]:
    segments: list[str] = []
    for text in texts:
        for clause in CLAUSE.split(canonical(text)):
            segments.extend(s for s in SEPARATOR.split(clause)[0::2] if len(s) >= 2)
    return segments


def _segment_weights(
    vice: Sequence[str], real: Sequence[str], min_count: int = 2, common: int = 30
) -> tuple[dict[str, float], float]:
    vice_counts = Counter(g for s in vice for g in grams(s))
    real_counts = Counter(g for s in real for g in grams(s))
    vocabulary = len(set(vice_counts) | set(real_counts))
    nv, nr = sum(vice_counts.values()), sum(real_counts.values())

    def w(g: str) -> float:
        return math.log((vice_counts[g] + 0.5) / (nv + 0.5 * vocabulary)) - math.log(
            (real_counts[g] + 0.5) / (nr + 0.5 * vocabulary)
        )

    # Grams seen in vice titles, and grams common in real messages (their weight
    # is what pulls a real clause below zero); any other gram is neutral.
    kept = {g for g, c in vice_counts.items() if c >= min_count}
    kept |= {g for g, c in real_counts.items() if c >= common}
    return {g: round(w(g), 2) for g in kept}, 0.0


def _benign_list(real: Sequence[str], rng: random.Random) -> str:
    separator = rng.choice((" | ", "、", " ", "/", "，", "\n"))
    return separator.join(rng.choice(real)[:16] for _ in range(rng.randint(10, 60)))


def train(real_texts: Sequence[str], *, seed: int = 0, pages: int = 3000) -> StuffingModel:
    """Learn the model from real messages (the legitimate class) and generated spam."""
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(seed)
    real_segments = _real_segments(real_texts)
    vice_segments = [
        canonical(s)
        for _ in range(400)
        for s in SEPARATOR.split(stuffed_list(rng, TRAIN, 30))[0::2]
        if s
    ]
    weights, unseen = _segment_weights(vice_segments, real_segments)
    segment_model = StuffingModel(weights, unseen, 0.0, dict.fromkeys(FEATURES, 0.0), 0.0)
    # A segment reads as vice when it scores above all but 1.5 % of real clauses.
    short = [s for s in real_segments if SHORT[0] <= length(s) <= SHORT[1]]
    real_scores = sorted(segment_model.segment_score(s) for s in short)
    vice_above = round(real_scores[int(0.985 * (len(real_scores) - 1))], 2)
    segment_model = replace(segment_model, vice_above=vice_above)
    articles = [t for t in real_texts if t.strip()]
    spam = [stuffed_page(rng.choice(articles), rng, TRAIN) for _ in range(pages)]
    benign = [_benign_list(real_segments, rng) for _ in range(pages // 3)]
    ham = list(articles) + benign
    rows = [segment_model.features(t)[0] for t in [*spam, *ham]]
    x = [[r[name] for name in FEATURES] for r in rows]
    y = [1] * len(spam) + [0] * len(ham)
    # Class weights: real messages outnumber nothing here, but a false alarm
    # quarantines a resident's complaint, so legitimate text counts double.
    fit = LogisticRegression(C=1.0, class_weight={0: 2.0, 1: 1.0}, max_iter=2000).fit(x, y)
    coef = {name: round(float(c), 4) for name, c in zip(FEATURES, fit.coef_[0], strict=True)}
    return replace(segment_model, coef=coef, intercept=round(float(fit.intercept_[0]), 4))
