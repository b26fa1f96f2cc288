"""Ranking cited documents by the votes of the nearest past cases (votes.py)."""

import csv
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse as sp

from jiceng.knowledge.citing import Citing, cited_documents
from jiceng.knowledge.profiles import CitedIndex
from jiceng.knowledge.propose import Proposer, Source, SourceKind
from jiceng.knowledge.votes import distinct, votes

REPLIES = Path(__file__).resolve().parents[2] / "../shared/data/teddy2020/replies_附件4.csv"


def test_a_document_cited_by_several_near_cases_outranks_one_cited_by_the_nearest():
    # Cases 0..3; documents 0 (cited by case 0, the nearest) and 1 (cases 1, 2, 3).
    cited_by = sp.csr_matrix(np.array([[1, 0], [0, 1], [0, 1], [0, 1]], dtype=float))
    found = votes(np.array([0.6, 0.5, 0.4, 0.3]), cited_by, [], neighbours=4)
    assert found[1] > found[0]
    assert found.tolist() == pytest.approx([0.6, 1.2])


def test_only_the_nearest_cases_vote_and_a_case_left_out_never_does():
    cited_by = sp.csr_matrix(np.array([[1, 0], [0, 1], [0, 1], [0, 1]], dtype=float))
    likeness = np.array([0.6, 0.5, 0.4, 0.3])
    assert votes(likeness, cited_by, [], neighbours=2).tolist() == pytest.approx([0.6, 0.5])
    assert votes(likeness, cited_by, [0], neighbours=2).tolist() == pytest.approx([0.0, 0.9])
    assert likeness[0] == 0.6  # the caller's array is not changed


def test_a_document_cited_by_the_same_cases_as_one_taken_is_skipped():
    citing = {0: frozenset({1}), 1: frozenset({1}), 2: frozenset({1, 2}), 3: frozenset({3})}
    assert distinct([0, 1, 2, 3], citing.__getitem__, limit=3) == [0, 2, 3]


def _replies() -> list[Citing]:
    pension = "依据《养老保险办法》和《社会保险法》，满60周岁可领取。"
    return [
        Citing("a", "养老金领取年龄", "我满60岁了能领养老金吗", pension),
        Citing("b", "养老金怎么领", "交满15年养老保险，怎么领养老金", "依据《养老保险办法》办理。"),
        Citing("c", "孩子入学", "孩子上小学要什么材料", "依据《义务教育法》，凭居住证入学。"),
    ]


def test_two_documents_cited_only_by_the_same_reply_are_proposed_once():
    index = CitedIndex(_replies())
    found = index.query("满60岁养老金怎么领取", exclude=["b"])
    assert len(found) == 1
    assert found[0].document.key in {"养老保险办法", "社会保险法"}
    assert found[0].citing == ("a",)


def test_once_one_document_matches_the_others_need_only_the_floor():
    sources = [
        Source(c.key, SourceKind.REPLY, c.key, c.title, c.question, c.reply) for c in _replies()
    ]
    proposer = Proposer(sources)
    question = "满60岁养老金怎么领取"
    strict = proposer.cited(question, limit=3, exclude=frozenset(), min_score=0.1, floor=0.1)
    lenient = proposer.cited(question, limit=3, exclude=frozenset(), min_score=0.1, floor=0.0)
    assert strict and all(p.score >= 0.1 for p in strict)
    assert len(lenient) >= len(strict)
    assert proposer.cited(question, limit=3, exclude=frozenset(), min_score=0.99) == []


@pytest.mark.skipif(not REPLIES.exists(), reason="needs ../shared/data/teddy2020")
def test_on_teddy_replies_votes_find_the_cited_document_more_often_than_profiles_alone():
    with REPLIES.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    sources = [
        Source(f"t{i}", SourceKind.CASE, f"T{i}", r["留言主题"], r["留言详情"], r["答复意见"])
        for i, r in enumerate(rows)
    ]
    cited = [{d.key for d in cited_documents(s.answer)} for s in sources]
    counts: dict[str, int] = {}
    for keys in cited:
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
    held = [i for i, keys in enumerate(cited) if any(counts[k] > 1 for k in keys)]
    proposer = Proposer(sources)

    def found(i: int, weight: float) -> bool:
        s = sources[i]
        top = proposer.cited(
            s.question,
            title=s.title,
            limit=3,
            exclude=frozenset({s.key}),
            min_score=0.1,
            vote_weight=weight,
        )
        return any(p.source.key.removeprefix("d:") in cited[i] for p in top)

    with_votes = sum(found(i, 0.25) for i in held)
    without = sum(found(i, 0.0) for i in held)
    assert len(held) > 200
    assert with_votes > without, (with_votes, without)
