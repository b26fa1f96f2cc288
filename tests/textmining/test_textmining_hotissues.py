from datetime import timedelta
from pathlib import Path

from textmining_data import read_rows

from jiceng.textmining.hotissues import Message, find_hot_issues, heat_index
from jiceng.textmining.table import parse_time


def _messages(rows: list[dict[str, str]]) -> list[Message]:
    return [
        Message(
            id=r["留言编号"],
            title=r["留言主题"],
            text=r["留言详情"],
            time=parse_time(r["留言时间"]),
            likes=int(r["点赞数"] or 0),
            user=r["留言用户"],
        )
        for r in rows
    ]


def test_messages_about_one_estate_form_one_group_without_strangers(teddy: Path):
    rows = read_rows(teddy / "hot_issues_附件3.csv")
    estate = [r for r in rows if "伊景园" in r["留言主题"]]
    others = rows[:400]
    issues = find_hot_issues(_messages(estate + others), top=3)
    # Among the top three: the 400 others hold a hotter, more recent problem (丽发新城).
    top = next(i for i in issues if "伊景园" in i.label)
    members = {r["留言编号"]: r for r in estate + others}
    texts = [members[m]["留言主题"] + members[m]["留言详情"] for m in top.members]
    assert len(top.members) >= 0.7 * len(estate)
    assert all("伊景园" in t or "武广新城" in t or "广铁" in t for t in texts)
    assert any("伊景园" in k for k in top.keywords)


def test_unrelated_messages_stay_apart():
    messages = [
        Message("1", "陈家村路灯坏了两个月，晚上看不见路", "陈家村路灯坏了"),
        Message("2", "天竺社区垃圾没人清运，臭气熏天", "天竺社区垃圾"),
        Message("3", "枫桥中学食堂饭菜价格太贵", "枫桥中学食堂"),
    ]
    issues = find_hot_issues(messages, top=None)
    assert sorted(i.size for i in issues) == [1, 1, 1]


def test_reworded_reports_of_one_problem_group_together():
    texts = [
        "陈家村村口的路灯坏了两个月，晚上出行很危险",
        "陈家村村口路灯两个月不亮，希望尽快修",
        "反映陈家村村口路灯坏了的问题",
        "天竺社区垃圾站臭气熏天无人清运",
    ]
    messages = [Message(str(i), t, title=t) for i, t in enumerate(texts)]
    issues = find_hot_issues(messages, top=1)
    assert sorted(issues[0].members) == ["0", "1", "2"]


def test_heat_grows_with_voices_likes_and_days_and_fades_with_age():
    base = heat_index(5, 10, 3, timedelta(0))
    assert heat_index(10, 10, 3, timedelta(0)) > base
    assert heat_index(5, 100, 3, timedelta(0)) > base
    assert heat_index(5, 10, 6, timedelta(0)) > base
    assert heat_index(5, 10, 3, timedelta(days=180)) < base
    assert heat_index(5, 10, 3, timedelta(days=10_000)) > 0.59 * base


def test_one_user_posting_many_times_is_one_voice():
    same_user = [Message(str(i), "陈家村路灯坏了", "陈家村路灯坏了", user="u1") for i in range(6)]
    many_users = [
        Message(str(i), "陈家村路灯坏了", "陈家村路灯坏了", user=f"u{i}") for i in range(6)
    ]
    assert find_hot_issues(same_user)[0].voices == 1
    assert find_hot_issues(many_users)[0].voices == 6


def test_json_form_has_iso_times():
    rows = [
        Message("a", "路灯坏了", "陈家村路灯坏了", time=parse_time("2019/2/28 11:25:05")),
        Message("b", "路灯坏了", "陈家村路灯坏了", time=parse_time("2019/3/1 08:00:00")),
    ]
    issue = find_hot_issues(rows)[0].as_json()
    assert issue["first_seen"] == "2019-02-28T11:25:05+08:00"
    assert issue["last_seen"] == "2019-03-01T08:00:00+08:00"
    assert issue["members"] == ["a", "b"]


def test_no_messages_no_issues():
    assert find_hot_issues([]) == []


def test_all_of_fujian3_keeps_the_three_known_problems_and_coherent_top_groups(teddy: Path):
    rows = read_rows(teddy / "hot_issues_附件3.csv")
    text_of = {r["留言编号"]: r["留言主题"] + r["留言详情"] for r in rows}
    issues = find_hot_issues(_messages(rows), top=10)
    labels = " ".join(i.label + " ".join(i.keywords) for i in issues[:5])
    for problem in ("丽发新城", "伊景园", "58车贷"):
        assert problem in labels, problem
    # Coherent: the group's first keyword is in at least 70 % of its members' texts.
    coherent = [
        i
        for i in issues[:5]
        if i.keywords
        and sum(i.keywords[0] in text_of[m] for m in i.members) >= 0.7 * len(i.members)
    ]
    assert len(coherent) >= 4
