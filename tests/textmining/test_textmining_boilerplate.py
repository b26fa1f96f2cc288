"""Form sentences that recur across many messages must not make unrelated problems one issue."""

from jiceng.textmining.hotissues import Message, drop_boilerplate, find_hot_issues

CLOSING = "自己也想过办法，实在没办法才来反映。"
PROBLEMS = [
    "快递不送到村里，要去镇上自己拿。",
    "老年食堂价格涨了，老人们意见很大。",
    "宅基地建房申请交了好几周还没批。",
    "村口路灯坏了三个星期，晚上很黑。",
    "垃圾桶被撤了，倒垃圾要走二十分钟。",
    "小学门口没有斑马线，孩子过马路危险。",
]


def _messages(texts):
    return [Message(id=str(i), text=text) for i, text in enumerate(texts)]


def test_a_closing_line_in_every_message_is_dropped_before_grouping():
    messages = _messages(problem + CLOSING for problem in PROBLEMS)
    cleaned = drop_boilerplate(messages)
    assert [m.text for m in cleaned] == PROBLEMS
    assert all(issue.size == 1 for issue in find_hot_issues(messages, top=None))


def test_a_sentence_shared_by_few_messages_is_kept():
    texts = [PROBLEMS[0] + CLOSING, PROBLEMS[1] + CLOSING, *PROBLEMS[2:]] * 1
    texts += [f"第{i}件事：{p}" for i, p in enumerate(PROBLEMS * 8)]
    cleaned = drop_boilerplate(_messages(texts))
    assert cleaned[0].text == PROBLEMS[0] + CLOSING


def test_the_same_problem_in_different_words_still_groups_after_cleaning():
    bridge = [
        "东溪石桥桥面塌了一个大洞，电瓶车过不去。",
        "东溪石桥桥面塌陷，晚上没有警示，很危险。",
        "东溪石桥桥面塌了快一个月，没人来修。",
    ]
    messages = _messages([text + CLOSING for text in bridge + PROBLEMS])
    top = find_hot_issues(messages, top=1)[0]
    assert sorted(top.members) == ["0", "1", "2"]
