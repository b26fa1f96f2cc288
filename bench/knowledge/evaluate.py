"""How often the desk's cited answers hold a correct source, and say "not found" off topic.

    .venv/bin/python bench/knowledge/evaluate.py [--teddy N] [--min-score S]

Three held-out sets (bench/knowledge/README.md has the figures):

- **demo**: consultations generated from the demo's 27 topics (jiceng/demo/data). The
  knowledge base holds 3 answered consultations per topic (seed 1); 10 new questions per
  topic (seed 2) are asked. Correct: a proposal from the same topic.
- **teddy**: messages of 附件4 (../shared/data/teddy2020/replies_附件4.csv) whose official
  reply cites a named document (《…》) that another message's reply cites too. Every other
  message with its reply is a resolved case in the knowledge base. Correct: a proposal
  whose reply cites the same document.
- **off-topic**: questions nobody asks a 12345 centre (OFF_TOPIC below), against both
  knowledge bases together. Correct: no proposal (知识库中未找到).
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from jiceng.demo import grammar, slots
from jiceng.knowledge.propose import MIN_SCORE, Proposer, Source, SourceKind

REPLIES = Path(__file__).resolve().parents[2] / "../shared/data/teddy2020/replies_附件4.csv"
CITED = re.compile(r"《([^》]{4,40})》")
# Cited names that are forms, certificates or the message board itself, not a policy.
NOT_POLICIES = re.compile(r"问政|证$|书$|合同$|通知书|登记表|申请表")
OFF_TOPIC = Path(__file__).with_name("off_topic.txt")


def demo_sets(per_topic: int, asked: int) -> tuple[list[Source], list[tuple[str, str]]]:
    """Knowledge-base sources and (question, topic) pairs from the demo's consultations."""
    data = grammar.load("consultations")
    table = slots.table(data["slots"])

    def draw(rng: random.Random, topic: dict[str, list[str]]) -> tuple[str, str]:
        filler = grammar.Filler(rng, (table, slots.COMMON), {})
        question = rng.choice(data["question_openings"]) + filler.fill(
            rng.choice(topic["questions"])
        )
        return question, filler.fill(rng.choice(topic["answers"]))

    known, asked_rng = random.Random(1), random.Random(2)
    sources, questions = [], []
    for number, topic in enumerate(data["topics"]):
        for i in range(per_topic):
            question, answer = draw(known, topic)
            key = f"demo-{number}-{i}"
            sources.append(
                Source(key, SourceKind.CASE, key, question, question, answer, str(number))
            )
        questions += [(draw(asked_rng, topic)[0], str(number)) for _ in range(asked)]
    return sources, questions


def cited(reply: str) -> set[str]:
    return {name for name in CITED.findall(reply) if not NOT_POLICIES.search(name)}


def teddy_sets(limit: int) -> tuple[list[Source], list[tuple[str, str, str, set[str]]]]:
    """Resolved cases with replies, and held-out (key, title, text, cited documents)."""
    with REPLIES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    sources, held = [], []
    for i, row in enumerate(rows):
        title, text, reply = row["留言主题"].strip(), row["留言详情"].strip(), row["答复意见"]
        key = f"teddy-{i}"
        sources.append(Source(key, SourceKind.CASE, key, title, text, reply.strip(), key))
        if cited(reply):
            held.append((key, title, text, cited(reply)))
    counts: dict[str, int] = {}
    for _, _, _, names in held:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    held = [h for h in held if any(counts[name] > 1 for name in h[3])]
    return sources, held[:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--teddy", type=int, default=1000, help="held-out teddy messages")
    parser.add_argument("--min-score", type=float, default=MIN_SCORE)
    args = parser.parse_args()
    demo_sources, demo_questions = demo_sets(3, 10)
    demo = Proposer(demo_sources)
    hits = sum(
        any(p.source.ref == topic for p in demo.propose(q, min_score=args.min_score))
        for q, topic in demo_questions
    )
    print(
        f"demo: top-3 holds a correct source {hits}/{len(demo_questions)}"
        f" = {hits / len(demo_questions):.1%}"
    )
    everything = Proposer(demo_sources)
    if REPLIES.exists():
        teddy_sources, held = teddy_sets(args.teddy)
        replies = {s.key: cited(s.answer) for s in teddy_sources}
        teddy = Proposer(teddy_sources)
        everything.add(teddy_sources)
        hits = sum(
            any(
                replies[p.source.key] & names
                for p in teddy.propose(
                    text, title=title, exclude=frozenset({key}), min_score=args.min_score
                )
            )
            for key, title, text, names in held
        )
        print(f"teddy: top-3 holds a correct source {hits}/{len(held)} = {hits / len(held):.1%}")
    else:
        print(f"teddy: skipped, {REPLIES} not found")
    off = [
        line.strip() for line in OFF_TOPIC.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    quiet = sum(not everything.propose(q, min_score=args.min_score) for q in off)
    print(f"off-topic: not found {quiet}/{len(off)} = {quiet / len(off):.1%}")


if __name__ == "__main__":
    main()
