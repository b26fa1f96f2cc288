from pathlib import Path

import pytest
from textmining_data import read_rows

from jiceng.textmining.spam import check_spam

ARTICLE = "本市今年将继续推进老旧小区改造工作，计划完成改造项目120个，惠及居民3万户。"

SPAM = {
    "seo_stuffing": ARTICLE + "\n百家乐 时时彩 六合彩开奖 澳门葡京 真人视讯 娱乐城开户送彩金 "
    "无码av 一本道 东京热 在线av 福利视频 北京赛车pk10",
    "seo_traditional": "本市今年將繼續推進老舊小區改造。"
    "百家樂 時時彩 六合彩 娛樂城 真人視訊 無碼 一本道",
    "link_farm": "好站推荐 http://a1-bet.xyz http://b2play.top www.c3game.cc https://d4.vip/reg",
    "invoice_ad": "代开各地正规发票，增值税专用发票，微信：fp88888，价格优惠，欢迎来电咨询",
    "fullwidth_ad": "低价出售高仿名表，加ｖｘ：ｗａｔｃｈ６６６，包邮，288元/块",
    "spaced_ad": "兼 职 刷 单 日 赚 500，加 微 信 abc12345 私聊",
    "one_character": "顶" * 80,
    "one_word": "测试" * 20,
    "one_line": "\n".join(["快来看看这个"] * 8),
}

REAL = {
    "gambling_report": "举报枫桥镇陈家村有人在村口小卖部后面聚众赌博，"
    "每天晚上都有十几个人，请派出所处理。",
    "gambling_site": "举报一个非法赌博网站，里面有百家乐、时时彩，我父亲在上面被骗了十几万，"
    "请公安部门调查。网址是www.abc123.com",
    "phone_and_wechat": "我家门口的路灯坏了两个月了，请尽快修理。我的电话13812345678，微信同号。",
    "flyer_complaint": "小区门口天天有人发小广告，上面写着代开发票、办证，联系电话13900000000，"
    "严重影响市容，请城管处理。",
    "shouting": "救救我们！" * 3 + "陈家村的自来水已经停了五天，老人孩子没有水喝，村委会不管。",
    "photo_links": "现场照片：http://img.example.com/1.jpg http://img.example.com/2.jpg "
    "http://img.example.com/3.jpg 小区垃圾堆了一个星期没人清理。",
}


@pytest.mark.parametrize("name", sorted(SPAM))
def test_synthetic_spam_is_flagged_with_a_reason(name: str):
    verdict = check_spam(SPAM[name])
    assert verdict.spam, verdict
    assert verdict.score >= 1.0
    assert verdict.reasons


@pytest.mark.parametrize("name", sorted(REAL))
def test_complaints_that_quote_spam_words_are_not_flagged(name: str):
    verdict = check_spam(REAL[name])
    assert not verdict.spam, verdict


def test_reasons_name_the_rule_that_fired():
    assert check_spam(SPAM["link_farm"]).reasons[0].startswith("links:")
    assert check_spam(SPAM["seo_stuffing"]).reasons[0].startswith("keyword stuffing:")
    assert check_spam(SPAM["invoice_ad"]).reasons[0].startswith("advertising:")
    assert check_spam(SPAM["one_character"]).reasons[0].startswith("repetition:")


def test_short_and_empty_texts_are_not_spam():
    assert not check_spam("").spam
    assert not check_spam("路灯坏了").spam


def test_real_messages_are_not_flagged(teddy: Path):
    rows = read_rows(teddy / "sample_raw_labeled.csv") + read_rows(
        teddy / "hot_issues_附件3.csv", 1500
    )
    flagged = [r["留言主题"] for r in rows if check_spam(r["留言主题"] + "\n" + r["留言详情"]).spam]
    assert flagged == []
