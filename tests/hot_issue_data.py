"""A month of requests in which one problem (a collapsed bridge) is raised from three villages."""

from factories import BAISHU, JIANGDONG, TIANZHU, submit

BRIDGE = [
    (
        TIANZHU,
        "13800000001",
        "东溪石桥桥面塌了一块",
        "东溪石桥桥面塌了一个大洞，电瓶车过不去，孩子上学要绕很远。",
    ),
    (
        TIANZHU,
        "13800000002",
        "东溪石桥塌陷危险",
        "东溪石桥桥面塌陷，晚上没有警示，很危险，请尽快修。",
    ),
    (
        BAISHU,
        "13800000003",
        "东溪石桥塌了没人管",
        "东溪石桥桥面塌了快一个月，没人来修，我们村去镇上都要走这座桥。",
    ),
    (
        JIANGDONG,
        "13800000004",
        "东溪石桥桥面塌陷",
        "东溪石桥桥面塌陷了，运菜的三轮车过不去，希望早点修好。",
    ),
]
ONE_VILLAGE = [
    (TIANZHU, "13800000005", "天竺社区3幢楼道灯坏了", "天竺社区3幢楼道灯坏了，晚上上楼看不见。"),
    (
        TIANZHU,
        "13800000006",
        "3幢楼道灯不亮",
        "天竺社区3幢的楼道灯坏了两个星期，老人上楼摔了一跤。",
    ),
]
OTHERS = [
    (
        BAISHU,
        "13800000007",
        "灵活就业社保怎么交",
        "我在外面打零工，想问灵活就业人员的养老保险在哪里交，每月交多少。",
    ),
    (JIANGDONG, "13800000008", "邻居装修噪音", "楼上邻居装修每天早上七点就开始打钻，周末也不停。"),
]


def _submit_all(users, rows):
    return [
        submit(users, village=village, contact_phone=phone, title=title, description=text)
        for village, phone, title, text in rows
    ]


def submit_all(users, rows=None):
    """Submit ``rows`` (default: every group below, by name) and return the cases."""
    if rows is not None:
        return [_one(users, row) for row in rows]
    groups = {"bridge": BRIDGE, "one_village": ONE_VILLAGE, "others": OTHERS}
    return {name: [_one(users, row) for row in group] for name, group in groups.items()}


def _one(users, row):
    village, phone, title, text = row
    return submit(users, village=village, contact_phone=phone, title=title, description=text)
