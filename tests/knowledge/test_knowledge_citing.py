"""Which documents a reply cites, and finding them again from a new question."""

from pathlib import Path

from jiceng.knowledge.citing import Citing, cited_documents, citing_sentence
from jiceng.knowledge.profiles import CitedIndex
from jiceng.knowledge.propose import Proposer, Source, SourceKind

OFF_TOPIC = Path(__file__).resolve().parents[2] / "bench/knowledge/off_topic.txt"
LAW = "《中华人民共和国社会保险法》"


def test_one_document_written_two_ways_is_one_document_with_its_number_kept():
    reply = "根据《社会保险法》和《西地省物业服务收费管理办法》（楚价服〔2010〕76号），" + LAW
    found = cited_documents(reply)
    assert [d.key for d in found] == ["社会保险法", "西地省物业服务收费管理办法"]
    assert found[1].citation == "《西地省物业服务收费管理办法》（楚价服〔2010〕76号）"


def test_forms_certificates_the_message_board_and_bare_kinds_are_not_documents():
    reply = "请填写《居住证申请表》，见《问政西地省》栏目，按《实施细则》办理，"
    reply += "并出具《出生医学证明书》。"
    assert cited_documents(reply) == []


def test_the_quoted_sentence_is_the_one_that_names_the_document():
    reply = "您好！经核实情况属实。依据《社会保险法》第十六条，可以补缴。谢谢。"
    assert citing_sentence(reply, "社会保险法") == "依据《社会保险法》第十六条，可以补缴。"


def _replies() -> list[Citing]:
    return [
        Citing(
            "a",
            "养老金领取年龄",
            "我满60岁了能领养老金吗",
            "依据《养老保险办法》，满60周岁可领取。",
        ),
        Citing("b", "养老金怎么领", "交满15年养老保险，怎么领养老金", "依据《养老保险办法》办理。"),
        Citing("c", "孩子入学", "孩子上小学要什么材料", "依据《义务教育法》，凭居住证入学。"),
    ]


def test_a_question_finds_the_document_cited_for_questions_like_it():
    best = CitedIndex(_replies()).query("请问满60岁以后养老金怎么领取", limit=1)[0]
    assert best.document.key == "养老保险办法"
    assert best.citing[0] in {"a", "b"}


def test_a_case_left_out_takes_its_document_with_it_when_no_other_case_cites_it():
    index = CitedIndex(_replies())
    found = index.query("孩子上小学要什么材料", title="孩子入学", exclude=["c"])
    assert "义务教育法" not in [m.document.key for m in found]
    assert "c" not in [key for m in found for key in m.citing]


def test_off_topic_questions_are_offered_no_document_even_from_three_replies():
    # Three replies are the hardest case: too few to learn that 怎么办 says nothing.
    sources = [
        Source(c.key, SourceKind.REPLY, c.key, c.title, c.question, c.reply) for c in _replies()
    ]
    proposer = Proposer(sources)
    questions = OFF_TOPIC.read_text(encoding="utf-8").split()
    offered = [
        q for q in questions if proposer.cited(q, limit=3, exclude=frozenset(), min_score=0.1)
    ]
    assert len(offered) <= len(questions) * 0.05, offered
