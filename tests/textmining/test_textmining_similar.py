from pathlib import Path

from textmining_data import read_rows

from jiceng.textmining.similar import PastCase, SimilarIndex

PAST = [
    PastCase(
        "p1", "陈家村村口路灯坏了两个月", "已安排电工维修，路灯已恢复。", title="陈家村路灯不亮"
    ),
    PastCase("p2", "天竺社区垃圾站无人清运", "已督促环卫公司每日清运两次。", title="垃圾无人清运"),
    PastCase("p3", "枫桥中学门口早晚拥堵", "交警大队已安排早晚高峰执勤。", title="学校门口拥堵"),
]


def test_the_most_similar_past_case_comes_with_its_reply():
    hits = SimilarIndex(PAST).query("百树村的路灯坏了好久，晚上很黑", k=2)
    assert hits[0].id == "p1"
    assert hits[0].reply == "已安排电工维修，路灯已恢复。"
    assert hits[0].score > hits[1].score if len(hits) > 1 else True


def test_a_case_can_be_excluded_from_its_own_results():
    index = SimilarIndex(PAST)
    hits = index.query("陈家村村口路灯坏了两个月", k=3, exclude="p1")
    assert "p1" not in [h.id for h in hits]


def test_removed_cases_are_not_returned():
    index = SimilarIndex(PAST)
    index.remove("p1")
    assert "p1" not in [h.id for h in index.query("路灯坏了", k=3)]


def test_real_replies_are_retrieved_for_a_reworded_message(teddy: Path):
    rows = read_rows(teddy / "replies_附件4.csv", 800)
    index = SimilarIndex(
        PastCase(r["留言编号"], r["留言详情"], r["答复意见"], title=r["留言主题"]) for r in rows
    )
    target = rows[123]
    hits = index.query(target["留言详情"][:120], k=5, title=target["留言主题"])
    assert hits[0].id == target["留言编号"]
    assert hits[0].reply == target["答复意见"]
    assert len(hits) == 5
