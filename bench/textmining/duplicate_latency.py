"""DuplicateIndex query latency at 100,000 cases, and whether reworded duplicates are found.

    .venv/bin/python bench/textmining/duplicate_latency.py [--cases 100000] [--queries 300]

The index holds the 15,844 real messages of the four Teddy Cup files; the rest
up to ``--cases`` are real messages with their clauses shuffled and a serial
number in front (so no two are identical).  Queries are real messages
*reworded*: the first half of their clauses in another order plus a closing
phrase; a query counts as found when the top hit is its source message, a shuffled
copy of it, or an identical repost.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time

import numpy as np
from _data import raw_text, rows

from jiceng.textmining.duplicates import DuplicateIndex

_CLAUSE = re.compile(r"(?<=[。！？，；])")


def shuffled(text: str, rng: random.Random) -> str:
    clauses = [c for c in _CLAUSE.split(text) if c.strip()]
    rng.shuffle(clauses)
    return "".join(clauses)


def _same_message(texts: list[str], real: list[str], hit: int, source: int) -> bool:
    return hit % len(real) == source or real[hit % len(real)] == real[source]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    rng = random.Random(0)
    real = [
        raw_text(r)
        for f in ("hot_issues_附件3.csv", "replies_附件4.csv", "sample_raw_labeled.csv")
        for r in rows(f)
    ]
    real += [r["text"] for r in rows("train_segmented.csv")]
    texts = [
        real[i] if i < len(real) else f"第{i}号 " + shuffled(real[i % len(real)], rng)
        for i in range(args.cases)
    ]
    index = DuplicateIndex()
    started = time.perf_counter()
    index.add_many((str(i), t) for i, t in enumerate(texts))
    print(f"bulk load of {len(index)} cases: {time.perf_counter() - started:.1f} s")

    targets = rng.sample(range(7594), args.queries)
    wall, cpu, found = [], [], 0
    for i in targets:
        clauses = [c for c in _CLAUSE.split(real[i]) if c.strip()]
        half = clauses[: max(1, len(clauses) // 2)]
        rng.shuffle(half)
        query = "".join(half) + "请有关部门尽快处理，谢谢！"
        w, c = time.perf_counter(), time.process_time()
        hits = index.query(query, k=5)
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
        # The source, a shuffled copy of it, or a message posted twice word for
        # word are all correct answers.
        found += bool(hits) and _same_message(texts, real, int(hits[0][0]), i)
    print(
        f"query latency over {len(targets)} queries: median {statistics.median(wall) * 1e3:.1f} ms "
        f"wall ({statistics.median(cpu) * 1e3:.1f} ms CPU), "
        f"p90 {np.percentile(wall, 90) * 1e3:.1f} ms wall"
    )
    print(f"reworded duplicate found as top hit: {found}/{len(targets)}")

    adds = []
    for i in range(200):
        w = time.perf_counter()
        index.add(f"new{i}", shuffled(real[i], rng))
        adds.append(time.perf_counter() - w)
    print(
        f"single add: median {statistics.median(adds) * 1e3:.2f} ms, "
        f"max {max(adds) * 1e3:.0f} ms (a level merge)"
    )


if __name__ == "__main__":
    main()
