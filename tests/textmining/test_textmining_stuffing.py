"""The learned stuffed-list detector flags lists of phrases it never saw and explains why."""

import json
import random
import re
from pathlib import Path

import pytest
from textmining_data import read_rows

from jiceng.textmining import stuffing
from jiceng.textmining.spam import check_spam
from jiceng.textmining.stuffing_gen import HELD_OUT, TRAIN, inventory, stuffed_list, vice_phrase

ARTICLE = (
    "本市今年将继续推进老旧小区改造工作，计划完成改造项目120个，惠及居民3万户。"
    "改造内容包括屋面防水、外墙保温、雨污分流和加装电梯，居民可通过社区提出意见。"
)


def _held_out_page(seed: int, size: int, separator: str | None = None) -> str:
    rng = random.Random(seed)
    if separator is None:
        return ARTICLE + "\n" + stuffed_list(rng, HELD_OUT, size)
    return ARTICLE + "\n" + separator.join(vice_phrase(rng, HELD_OUT) for _ in range(size))


def test_held_out_phrases_share_no_part_with_the_training_inventory():
    for items in (inventory.PEOPLE, inventory.SCENES, inventory.GAMES):
        train, held = set(inventory.parts(items, TRAIN)), inventory.parts(items, HELD_OUT)
        assert held and not train & set(held)


def test_a_page_with_fifty_unseen_porn_titles_after_bars_is_spam_and_says_why():
    verdict = check_spam(_held_out_page(seed=1, size=50, separator="|"))
    assert verdict.spam, verdict
    reason = next(r for r in verdict.reasons if "short segments" in r)
    # The article's last clauses are short too and join the run.
    listed = re.search(r"a list of (\d+) short segments separated by '\|'", reason)
    assert listed and 50 <= int(listed.group(1)) <= 60
    assert re.search(r"adult/gambling vocabulary density 0\.[4-9]", reason)


@pytest.mark.parametrize("seed", range(20))
def test_long_lists_of_unseen_phrases_in_any_disguise_are_spam(seed: int):
    # stuffed_list disguises half of its lists (traditional, full-width, zero-width
    # characters, inserted symbols, pinyin) and picks one of ten separators.
    verdict = check_spam(_held_out_page(seed=seed, size=60))
    assert verdict.spam, verdict


def test_a_zero_width_and_full_width_disguised_list_reads_like_the_plain_one():
    plain = _held_out_page(seed=7, size=40, separator="、")
    disguised = "\u200b".join(plain).translate({ord("|"): "｜"})
    model = stuffing.default_model()
    assert model.judge(disguised)[0] == pytest.approx(model.judge(plain)[0])


ROADS = "人民 解放 中山 建设 和平 胜利 新华 长江 黄河 东风"
FAMILIES = "陈家 王家 李家 赵家 孙家 周家 吴家 郑家 冯家 褚家 卫家"


def test_benign_lists_are_not_spam():
    roads = "、".join(f"{n}路" for n in ROADS.split())
    villages = " | ".join(f"{n}村" for n in FAMILIES.split())
    items = "/".join(["路灯不亮", "井盖缺失", "垃圾未清运", "道路积水", "噪音扰民"] * 4)
    for text in (roads, villages, items):
        assert not check_spam(ARTICLE + "\n" + text).spam, text


def test_a_resident_reporting_a_gambling_den_is_not_spam():
    text = "举报A3区观沙岭街道有赌博机，老板开设赌场，玩家不能赢，输了很多钱，请公安部门查处。"
    assert not check_spam(text).spam


def test_the_shipped_model_is_plain_json():
    data = json.loads(stuffing.MODEL_PATH.read_text(encoding="utf-8"))
    assert data["format"] == stuffing.MODEL_FORMAT
    assert data["features"] == list(stuffing.FEATURES)
    assert all(isinstance(v, float | int) for v in data["weights"].values())


def test_training_on_real_messages_learns_to_flag_unseen_lists(teddy: Path, tmp_path: Path):
    rows = read_rows(teddy / "hot_issues_附件3.csv", 1500)
    texts = [r["留言主题"] + "\n" + r["留言详情"] for r in rows]
    model = stuffing.train(texts, seed=3, pages=800)
    path = tmp_path / "stuffing.json"
    stuffing.save(model, path)
    loaded = stuffing.load(path)
    assert loaded == model
    flagged = [loaded.judge(_held_out_page(seed=s, size=60))[0] >= 0.8 for s in range(20)]
    assert sum(flagged) >= 18
    assert max(loaded.judge(t)[0] for t in texts[:500]) < 0.8


def test_a_list_of_unseen_titles_in_pinyin_is_spam():
    rng = random.Random(9)
    phrases = (vice_phrase(rng, HELD_OUT) for _ in range(400))
    spelled = [
        "".join(inventory.PINYIN.get(c, c) for c in p)
        for p in phrases
        if all(c in inventory.PINYIN or c.isascii() for c in p)
    ][:20]
    assert len(spelled) == 20 and all(p.isascii() for p in spelled)
    verdict = check_spam(ARTICLE + "\n" + " | ".join(spelled))
    assert verdict.spam, verdict
