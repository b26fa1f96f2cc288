"""Recall of the stuffed-list detector on lists of held-out phrases, and its highest real score.

    .venv/bin/python bench/textmining/stuffing_recall.py [--pages 200]

Each page is a real message (sample_raw_labeled.csv, not used in training) followed
by a list built only from the held-out half of the phrase inventories, half of
them disguised. A page is quarantined when the probability reaches 0.8.
"""

from __future__ import annotations

import argparse
import random

from _data import raw_text, rows

from jiceng.textmining import stuffing
from jiceng.textmining.spam import STUFFED_LIST_PROBABILITY
from jiceng.textmining.stuffing_gen import HELD_OUT, stuffed_list


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    model = stuffing.default_model()
    articles = [raw_text(r) for r in rows("sample_raw_labeled.csv")]
    rng = random.Random(321)
    for size in (10, 20, 30, 50, 80):
        pages = [
            rng.choice(articles) + "\n" + stuffed_list(rng, HELD_OUT, size)
            for _ in range(args.pages)
        ]
        caught = sum(model.judge(p)[0] >= STUFFED_LIST_PROBABILITY for p in pages)
        print(f"lists of {size:>2} held-out phrases: {caught} of {len(pages)} quarantined")
    real = [
        raw_text(r)
        for name in ("sample_raw_labeled.csv", "hot_issues_附件3.csv", "replies_附件4.csv")
        for r in rows(name)
    ]
    top = sorted(model.judge(t)[0] for t in real)[-3:]
    print(f"real messages: {len(real)}, highest probabilities {', '.join(f'{p:.2f}' for p in top)}")


if __name__ == "__main__":
    main()
