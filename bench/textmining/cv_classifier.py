"""5-fold cross-validated macro-F1 of the classifier on train_segmented.csv.

    .venv/bin/python bench/textmining/cv_classifier.py [--folds 5] [--seed 0]

Each fold trains with ``jiceng.textmining.train`` on four fifths (vectorisers
included, so nothing of the held-out fold leaks in) and scores the rest.
Also prints the score on the rows that are the segmented twins of
sample_raw_labeled.csv, which shows how hard that sample is.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
from _data import descriptions, raw_text, rows
from sklearn.model_selection import StratifiedKFold

from jiceng.textmining import evaluate, train
from jiceng.textmining.features import NgramTfidf, prepare


def twin_pairs(texts: list[str]) -> list[tuple[int, int]]:
    """(sample row, training row) pairs: the segmented form of each sample message."""
    sample = [prepare(raw_text(r)) for r in rows("sample_raw_labeled.csv")]
    prepared = [prepare(t) for t in texts]
    vectorizer = NgramTfidf((2, 2)).fit(prepared + sample)
    sims = (vectorizer.transform(sample) @ vectorizer.transform(prepared).T).toarray()
    best = sims.argmax(axis=1)
    return [(i, int(j)) for i, j in enumerate(best) if sims[i, j] >= 0.4]


def sample_twins(texts: list[str]) -> set[int]:
    """Training rows that are the segmented form of a sample_raw_labeled.csv message."""
    return {j for _, j in twin_pairs(texts)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-descriptions", action="store_true", help="train without the category system"
    )
    args = parser.parse_args()
    extra = [] if args.no_descriptions else descriptions()
    data = rows("train_segmented.csv")
    texts, labels = [r["text"] for r in data], np.array([r["label"] for r in data])
    twins = sample_twins(texts)
    folds = StratifiedKFold(args.folds, shuffle=True, random_state=args.seed)
    scores, seconds, predicted = [], [], np.empty(len(texts), dtype=object)
    for number, (fit, held) in enumerate(folds.split(texts, labels), start=1):
        started = time.perf_counter()
        model = train([texts[i] for i in fit], labels[fit].tolist(), descriptions=extra)
        seconds.append(time.perf_counter() - started)
        held_texts = [texts[i] for i in held]
        result = evaluate(model, held_texts, labels[held].tolist())
        predicted[held] = model.predict(held_texts)
        scores.append(result["macro_f1"])
        print(
            f"fold {number}: macro-F1 {result['macro_f1']:.4f} "
            f"accuracy {result['accuracy']:.4f} training {seconds[-1]:.1f} s",
            flush=True,
        )
    print(
        f"macro-F1 mean {statistics.mean(scores):.4f} median {statistics.median(scores):.4f} "
        f"min {min(scores):.4f}; training median {statistics.median(seconds):.1f} s"
    )
    twin_index = sorted(twins)
    twin_result = evaluate_predictions(labels[twin_index].tolist(), predicted[twin_index].tolist())
    print(
        f"out-of-fold macro-F1 on the {len(twin_index)} segmented twins of "
        f"sample_raw_labeled.csv: {twin_result:.4f}"
    )


def evaluate_predictions(truth: list[str], predicted: list[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(truth, predicted, average="macro"))


if __name__ == "__main__":
    main()
