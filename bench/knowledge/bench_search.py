"""Staff search of the knowledge base: SQLite FTS5 and PostgreSQL tsvector + GIN.

Loads policy documents built from the official replies of teddy2020 附件4 (each reply
an article, ten articles a document, the set written ``--copies`` times under new
document numbers), through ``knowledge.services.document_save`` as the admin saves
them, then times the staff search (``knowledge.search``) of a township's staff.

    .venv/bin/python bench/knowledge/bench_search.py --database sqlite:////tmp/jiceng_bench_knowledge.sqlite3
    .venv/bin/python bench/knowledge/bench_search.py --database postgres://postgres@127.0.0.1:5432/jiceng_wt_knowledge

Needs ../shared/data/teddy2020. Figures: bench/knowledge/README.md.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _django_setup import migrated_django

REPLIES = Path(__file__).resolve().parents[2] / "../shared/data/teddy2020/replies_附件4.csv"
QUERIES = [
    "养老金",
    "落户 条件",
    "公积金提取",
    "物业",
    "征地补偿",
    "医保",
    "义务教育 入学",
    "公交",
    "噪音",
    "宠物狗",
]


def load(copies: int) -> int:
    from jiceng.knowledge.models import Document
    from jiceng.knowledge.services import document_save

    with REPLIES.open(encoding="utf-8") as file:
        replies = [row["答复意见"].strip() for row in csv.DictReader(file)]
    Document.objects.all().delete()
    for copy in range(copies):
        for start in range(0, len(replies), 10):
            articles = "\n".join(
                f"第{i + 1}条 {text}" for i, text in enumerate(replies[start : start + 10])
            )
            document_save(
                document=Document(
                    title=f"政策文件 {copy}-{start}",
                    issuing_body="某市人民政府",
                    number=f"某政发〔{2000 + copy}〕{start}号",
                    effective_from=date(2020, 1, 1),
                    full_text=articles,
                    scope="330681",
                )
            )
    from jiceng.knowledge.models import Passage

    return Passage.objects.count()


def timed(repeat: int) -> dict[str, tuple[float, float]]:
    from jiceng.knowledge import search
    from jiceng.knowledge.models import Passage

    passages = Passage.objects.filter(search.applies_to("330681109"))
    figures = {}
    for query in QUERIES:
        times = []
        for _ in range(repeat):
            begin = time.perf_counter()
            list(search.search(passages, query))
            times.append((time.perf_counter() - begin) * 1000)
        times.sort()
        figures[query] = (statistics.median(times), times[int(len(times) * 0.9) - 1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", required=True)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=21)
    parser.add_argument("--skip-load", action="store_true", help="time what is loaded")
    args = parser.parse_args()
    migrated_django(args.database)
    if not args.skip_load:
        print(f"passages: {load(args.copies)}")
    for query, (median, p90) in timed(args.repeat).items():
        print(f"{query:12} median {median:6.2f} ms   p90 {p90:6.2f} ms")


if __name__ == "__main__":
    main()
