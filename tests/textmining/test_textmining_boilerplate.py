"""Form sentences that recur across many messages must not make unrelated problems one issue."""

import random

from jiceng.demo.texts import CATEGORY_CODES, request_text
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


def test_a_form_line_differing_only_in_its_house_number_is_dropped():
    messages = [
        Message(id=str(i), text=f"{problem}我家{i + 3}号，门口有棵大桂花树，很好找。")
        for i, problem in enumerate(PROBLEMS)
    ]
    assert [m.text for m in drop_boilerplate(messages)] == PROBLEMS


def test_a_clause_recurring_in_three_categories_is_dropped_but_not_in_two():
    shared = "前几天村干部来看过，拍了照说会处理，后来就没下文了。"
    messages = [
        Message(id=str(i), text=problem + shared, category=category)
        for i, (problem, category) in enumerate(
            zip(PROBLEMS[:3], ["roads", "water", "school"], strict=True)
        )
    ]
    messages += [
        Message(id=str(i + 3), text=p, category="roads") for i, p in enumerate(PROBLEMS[3:])
    ]
    cleaned = drop_boilerplate(messages)
    assert [m.text for m in cleaned[:3]] == PROBLEMS[:3]
    two_categories = [messages[0], messages[1], *messages[3:]]
    assert drop_boilerplate(two_categories)[0].text == PROBLEMS[0] + shared


def test_requests_of_different_categories_never_share_a_group():
    messages = [
        Message(id="1", title="门口路灯坏了", text="村口路灯坏了三个星期。", category="roads"),
        Message(id="2", title="门口路灯坏了", text="村口路灯坏了三个星期。", category="power"),
        Message(id="3", title="门口路灯坏了", text="村口路灯坏了三个星期了。", category="roads"),
    ]
    groups = {tuple(sorted(i.members)) for i in find_hot_issues(messages, top=None)}
    assert groups == {("1", "3"), ("2",)}


def test_the_demo_requests_form_no_mixed_category_group_and_every_group_has_keywords():
    rng = random.Random(0)
    villages = ["陈家村", "王家村", "李家村", "赵家村", "孙家村", "周家村"]
    messages = []
    for i in range(400):
        category = rng.choice(CATEGORY_CODES)
        title, text = request_text(category, rng, village=rng.choice(villages), township="枫桥镇")
        messages.append(Message(id=str(i), title=title, text=text, category=category))
    category_of = {m.id: m.category for m in messages}
    groups = [i for i in find_hot_issues(messages, top=None) if i.size > 1]
    assert len(groups) > 20
    assert all(len({category_of[m] for m in g.members}) == 1 for g in groups)
    assert all(g.keywords for g in groups)
