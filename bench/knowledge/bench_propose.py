"""Time of the desk's cited answers (``Proposer.propose``) over 附件4's 2,816 replies.

    .venv/bin/python bench/knowledge/bench_propose.py [--questions 200]

Every message of ../shared/data/teddy2020/replies_附件4.csv with its reply is a
resolved case of the proposer; the first ``--questions`` messages are asked again, as
on the desk (nothing left out) and as on a case's own page (the case left out, which
rebuilds the profiles of the documents its reply cites). Each is timed with the
nearest cases' votes (the app) and without (``vote_weight=0``, as before Session 9).
Prints the index build and the median and 90th percentile per question.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jiceng.knowledge.propose import Proposer, Source, SourceKind
from jiceng.knowledge.votes import VOTE_WEIGHT

REPLIES = Path(__file__).resolve().parents[2] / "../shared/data/teddy2020/replies_附件4.csv"


def _ms(times: list[float]) -> str:
    ordered = sorted(times)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p90 {p90 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=200)
    args = parser.parse_args()
    if not REPLIES.exists():
        sys.exit(f"{REPLIES} not found")
    with REPLIES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    sources = [
        Source(f"t{i}", SourceKind.CASE, f"T{i}", r["留言主题"], r["留言详情"], r["答复意见"])
        for i, r in enumerate(rows)
    ]
    started = time.perf_counter()
    proposer = Proposer(sources)
    proposer.propose("预热")  # the first question builds the cited-document index
    print(f"build: {(time.perf_counter() - started) * 1000:.0f} ms, {len(sources)} cases")
    for weight in (VOTE_WEIGHT, 0.0):
        for label, left_out in (("desk", False), ("case page", True)):
            times = []
            for source in sources[: args.questions]:
                exclude = frozenset({source.key}) if left_out else frozenset()
                started = time.perf_counter()
                proposer.propose(
                    source.question, title=source.title, exclude=exclude, vote_weight=weight
                )
                times.append(time.perf_counter() - started)
            print(f"vote weight {weight}, {label}: {_ms(times)}")


if __name__ == "__main__":
    main()
