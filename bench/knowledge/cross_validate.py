"""Cross-validated choice of the cited-document ranking constants (votes.py, propose.py).

    .venv/bin/python bench/knowledge/cross_validate.py [--no-twins] [--folds 5]

Every combination of the grid below is run on the teddy held-out set exactly as
evaluate.py runs it (same protocol, same "correct"). The held-out messages are then
split into folds; for each fold the combination best on the other folds is chosen
and scored on this one. The cross-validated figure is the sum of those scores: no
held-out message helped choose the constants it is scored with. Also printed: the
combination best on all messages, which is what the app ships.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from evaluate import REPLIES, correct, teddy_sets, twins

from jiceng.knowledge.propose import Proposer

NEIGHBOURS = (10, 20, 40, 80)
VOTE_WEIGHTS = (0.0, 0.25, 0.5, 1.0)
FLOORS = (0.05, 0.1)


def hits(no_twins: bool) -> dict[tuple[int, float, float], np.ndarray]:
    """For each combination, whether each held-out message got a correct top 3."""
    sources, held = teddy_sets(1000)
    near = twins(sources, held) if no_twins else {}
    found = {}
    for neighbours in NEIGHBOURS:
        proposer = Proposer(sources, neighbours=neighbours)
        for weight, floor in itertools.product(VOTE_WEIGHTS, FLOORS):
            found[neighbours, weight, floor] = np.array(
                [
                    correct(
                        proposer.propose(
                            text,
                            title=title,
                            exclude=frozenset({key, *near.get(key, ())}),
                            vote_weight=weight,
                            cited_floor=floor,
                        )[:3],
                        reply,
                        old=False,
                    )
                    for key, title, text, reply in held
                ]
            )
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-twins", action="store_true")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    if not REPLIES.exists():
        sys.exit(f"{REPLIES} not found")
    found = hits(args.no_twins)
    count = len(next(iter(found.values())))
    order = list(range(count))
    random.Random(0).shuffle(order)
    scored = 0
    for fold in range(args.folds):
        test = np.array(order[fold :: args.folds])
        train = np.setdiff1d(np.arange(count), test)
        # Ties go to the first combination of the grid, as listed.
        chosen = max(found, key=lambda c: found[c][train].sum())
        scored += int(found[chosen][test].sum())
        print(f"fold {fold}: chosen neighbours, vote weight, floor = {chosen}")
    print(f"cross-validated top-3 correct {scored}/{count} = {scored / count:.1%}")
    best = max(found, key=lambda c: found[c].sum())
    print(f"best on all: {best}, {found[best].sum()}/{count} = {found[best].mean():.1%}")
    for combination in sorted(found, key=lambda c: -found[c].sum())[:5]:
        print(f"  {combination}: {found[combination].mean():.1%}")


if __name__ == "__main__":
    main()
