"""Shared pieces of the intake tests: spam and real texts, a second county, a tiny model."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from jiceng.demo import texts
from jiceng.people.models import Role, UnitKind, User
from jiceng.people.units import ensure_unit
from jiceng.places.models import Division, Level
from jiceng.textmining import train

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "teddy2020"
SAMPLE = DATA / "sample_raw_labeled.csv"

# SEO stuffing: an innocent sentence followed by gambling and porn search phrases.
SPAM_TEXT = (
    "本市今年将继续推进老旧小区改造工作，惠及居民3万户。\n百家乐 时时彩 六合彩开奖 澳门葡京 "
    "真人视讯 娱乐城开户送彩金 无码av 一本道 东京热 在线av 福利视频 北京赛车pk10"
)
# The same broken bridge reported twice in other words, and an unrelated request.
BRIDGE = (
    "枫桥镇天竺社区东头的石板桥桥面塌了一个大洞，电瓶车和行人都过不去，"
    "小孩上学要绕远路，请尽快修桥。"
)
BRIDGE_AGAIN = (
    "天竺社区东头的石板桥桥面塌了个大洞，电瓶车和行人过不去，孩子上学要绕远路，请赶紧修桥。"
)
LAMPS = "百树社区菜场门口的三盏路灯坏了一个多月，晚上买菜回来一片漆黑，请安排人来修理。"
SHENGZHOU = "330683"
SHENGZHOU_VILLAGE = "330683001001"

MODEL_CATEGORIES = ("transport", "utilities", "environment", "education")


def real_messages(n: int = 12) -> list[str]:
    """The first ``n`` raw residents' messages of the labelled sample, title and body.

    A clone without ``../shared`` (a user's) skips the test that asks for them.
    """
    if not SAMPLE.is_file():
        pytest.skip(f"shared data not found at {SAMPLE}")
    with SAMPLE.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))[:n]
    return [f"{row['留言主题']}\n{row['留言详情']}" for row in rows]


def other_county_dispatcher() -> User:
    """A dispatcher of 嵊州市, a neighbouring county, with one village."""
    rows = [
        (SHENGZHOU, "嵊州市", Level.COUNTY, "3306"),
        (SHENGZHOU + "001", "剡湖街道", Level.TOWNSHIP, SHENGZHOU),
        (SHENGZHOU_VILLAGE, "城东社区", Level.VILLAGE, SHENGZHOU + "001"),
    ]
    for code, name, level, parent in rows:
        Division.objects.create(code=code, name=name, level=level, parent_id=parent)
    return User.objects.create_user(
        username="shengzhou_dispatcher",
        password="pw",
        role=Role.DISPATCHER,
        unit=ensure_unit(Division.objects.get(code=SHENGZHOU), UnitKind.DISPATCH, active=True),
    )


def demo_training_set(per_category: int = 25, seed: int = 7) -> tuple[list[str], list[str]]:
    """Generated demo requests of a few categories, labelled with their category codes."""
    rng = random.Random(seed)
    samples, labels = [], []
    for code in MODEL_CATEGORIES:
        for _ in range(per_category):
            title, description = texts.request_text(
                code, rng, village="天竺社区", township="枫桥镇"
            )
            samples.append(f"{title}\n{description}")
            labels.append(code)
    return samples, labels


def write_tiny_model(path: Path) -> Path:
    samples, labels = demo_training_set()
    train(samples, labels).save(path)
    return path
