from pathlib import Path

import pytest

from jiceng.knowledge.propose import Proposer, Source, SourceKind

OFF_TOPIC = Path(__file__).resolve().parents[2] / "bench/knowledge/off_topic.txt"
REPLIES = Path(__file__).resolve().parents[2] / "../shared/data/teddy2020/replies_附件4.csv"

PENSION = Source(
    "p1",
    SourceKind.DOCUMENT,
    "诸人社发〔2025〕12号 第二条",
    "城乡居民基本养老保险实施办法",
    "城乡居民基本养老保险参保人年满60周岁、累计缴费满15年的，可以按月领取养老金。",
    "城乡居民基本养老保险参保人年满60周岁、累计缴费满15年的，可以按月领取养老金。",
    "1",
)


def test_a_matching_question_gets_the_article_with_its_citation():
    found = Proposer([PENSION]).propose("城乡居民养老金要到多少岁才能领？要交满几年？")
    assert [p.source.citation for p in found] == ["诸人社发〔2025〕12号 第二条"]


def test_a_source_without_a_citation_is_never_proposed():
    uncited = Source("p2", SourceKind.CASE, " ", PENSION.title, PENSION.question, PENSION.answer)
    assert Proposer([uncited]).propose(PENSION.question) == []


def test_off_topic_questions_find_nothing_in_a_small_knowledge_base():
    questions = OFF_TOPIC.read_text(encoding="utf-8").split()[:20]
    proposer = Proposer([PENSION])
    assert [q for q in questions if proposer.propose(q)] == []


@pytest.mark.skipif(not REPLIES.exists(), reason="needs ../shared/data/teddy2020")
def test_a_past_reply_citing_the_same_document_is_proposed_for_a_teddy_question():
    import csv

    with REPLIES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))[:600]
    sources = [
        Source(f"t{i}", SourceKind.CASE, f"T{i}", r["留言主题"], r["留言详情"], r["答复意见"])
        for i, r in enumerate(rows)
    ]
    asked = next(i for i, r in enumerate(rows) if "落户" in r["留言主题"])
    others = sources[:asked] + sources[asked + 1 :]
    found = Proposer(others).propose(rows[asked]["留言详情"], title=rows[asked]["留言主题"])
    cases = [p.source for p in found if p.source.kind == SourceKind.CASE]
    assert cases and "落户" in cases[0].title + cases[0].question
