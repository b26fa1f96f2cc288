"""Held-out check on raw messages: sample_raw_labeled.csv, simplified and traditional.

    .venv/bin/python bench/textmining/raw_sample.py

sample_raw_labeled.csv holds raw versions of messages that are *also* in
train_segmented.csv (segmented).  Scoring a model trained on the whole file
would measure memory, so the training rows that are the segmented twins of the
sample (best character-bigram cosine ≥ 0.4) are left out first.  The same
model then classifies the sample converted to traditional characters
(OpenCC s2t).  Also reports training time, model size and single-core
throughput on all 7,594 raw messages of the three files (CPU time).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import opencc
from _data import descriptions, raw_text, rows
from cv_classifier import sample_twins, twin_pairs

from jiceng.textmining import Model, evaluate, train


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--no-descriptions", action="store_true", help="train without the category system"
    )
    extra = [] if parser.parse_args().no_descriptions else descriptions()
    data = rows("train_segmented.csv")
    texts, labels = [r["text"] for r in data], [r["label"] for r in data]
    twins = sample_twins(texts)
    keep = [i for i in range(len(texts)) if i not in twins]
    started = time.perf_counter()
    model = train([texts[i] for i in keep], [labels[i] for i in keep], descriptions=extra)
    print(
        f"trained on {len(keep)} rows ({len(twins)} sample twins left out) "
        f"in {time.perf_counter() - started:.1f} s"
    )

    sample = rows("sample_raw_labeled.csv")
    raw, truth = [raw_text(r) for r in sample], [r["一级分类"] for r in sample]
    s2t = opencc.OpenCC("s2t")
    for name, inputs in (
        ("raw simplified", raw),
        ("raw traditional", [s2t.convert(t) for t in raw]),
    ):
        result = evaluate(model, inputs, truth)
        print(f"{name}: macro-F1 {result['macro_f1']:.4f} accuracy {result['accuracy']:.4f}")
    # The same messages in their segmented training form, scored by the same
    # model: equal scores mean that raw input costs nothing.
    pairs = [(texts[j], raw[i], truth[i]) for i, j in twin_pairs(texts)]
    for name, column in (("segmented twins", 0), ("their raw forms", 1)):
        result = evaluate(model, [p[column] for p in pairs], [p[2] for p in pairs])
        print(f"{name} ({len(pairs)} messages): macro-F1 {result['macro_f1']:.4f}")

    full = _full_model(texts, labels, extra)
    messages = [
        raw_text(r)
        for f in ("sample_raw_labeled.csv", "hot_issues_附件3.csv", "replies_附件4.csv")
        for r in rows(f)
    ]
    rates = []
    for _ in range(5):
        cpu = time.process_time()
        full.predict(messages)
        rates.append(len(messages) / (time.process_time() - cpu))
    rates.sort()
    print(
        f"throughput on {len(messages)} raw messages: median {rates[2]:.0f} messages/s "
        f"(CPU time, one core), runs {[round(r) for r in rates]}"
    )


def _full_model(texts: list[str], labels: list[str], extra: list[tuple[str, str]]) -> Model:
    started = time.perf_counter()
    cpu = time.process_time()
    model = train(texts, labels, descriptions=extra)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "model.npz"
        model.save(path)
        size = os.path.getsize(path)
        model = Model.load(path)
    print(
        f"full model (8,250 rows): training {wall:.1f} s wall, {cpu:.1f} s CPU; "
        f"file {size / 1e6:.1f} MB"
    )
    return model


if __name__ == "__main__":
    main()
