"""Generated SEO-spam footers: lists of porn and gambling titles, for training and tests.

Spam pages append an endless variety of such lists to an innocent article, so a
lexicon of known phrases is always behind. The stuffing detector
(:mod:`jiceng.textmining.stuffing`) learns instead from lists built here by
combining parts (adjectives, people, scenes, qualities; casino brands, games,
offers), written with the evasions spammers use: traditional characters,
full-width letters, zero-width characters, symbols inserted between characters,
pinyin.

Every inventory is split in two by position: :data:`TRAIN` parts build the
training lists and :data:`HELD_OUT` parts the test lists, so a test proves the
detector flags phrases it never saw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

Part = Literal["train", "held_out"]
TRAIN: Part = "train"
HELD_OUT: Part = "held_out"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_ADJECTIVES = _words(
    "巨乳 爆乳 丰满 性感 清纯 淫荡 风骚 饥渴 极品 白虎 美乳 翘臀 黑丝 丝袜 制服 情趣 骚浪"
    " 淫乱 粉嫩 肉感 妖艳 狂野 娇喘 湿身 淫妻 骚逼 大奶 浪荡 色情 淫靡 火辣 欲求不满 绝色"
)
_PEOPLE = _words(
    "人妻 少妇 熟女 萝莉 女优 学生妹 空姐 护士 女教师 嫩模 女主播 网红 校花 美少女 御姐"
    " 邻家妹妹 女同事 嫂子 小姨子 女秘书 继母 女大学生 模特 人妻教师 外围女 楼凤 小姐"
    " 技师 少女 骚妇 女星 艳星"
)
_SCENES = _words(
    "偷拍 自拍 直播 裸聊 约炮 偷情 出轨 群交 口交 啪啪 激情 露出 调教 诱惑 私拍 乱伦"
    " 无套 内射 高潮 潮吹 性爱 做爱 车震 足交 乳交 肛交 援交 强奸 迷奸 淫叫 自慰 颜射"
    " 3p 后入 一夜情 爆操"
)
_PLACES = _words("酒店 宿舍 浴室 办公室 温泉 民宿 公园 教室 电梯 卫生间 试衣间 出租屋")
_QUALITIES = _words(
    "无码 有码 高清 中文字幕 在线观看 免费看 完整版 流出 合集 视频 影院 在线播放 1080p"
    " 番号 国产 日韩 欧美 av 磁力链接 种子下载 精品 成人片 伦理片 三级片 黄片 毛片 色站"
    " 福利 午夜 成人网"
)
_BRANDS = _words(
    "澳门 葡京 金沙 威尼斯人 太阳城 新葡京 永利 银河 皇冠 美高梅 凯撒 巴黎人 百胜 大发"
    " 博狗 伟德 立博 bet365 亚博 开元 彩票 赌神 天上人间 豪门"
)
_GAMES = _words(
    "百家乐 时时彩 六合彩 北京赛车 幸运飞艇 快三 老虎机 捕鱼 德州扑克 炸金花 牛牛 龙虎斗"
    " 骰宝 轮盘 21点 体育投注 足球竞猜 电子游艺 棋牌 真人视讯 赛马 斗地主"
)
_OFFERS = _words(
    "娱乐城 娱乐平台 官网 开户 注册送彩金 首存送 返水 投注 网址 app下载 平台 下注 赔率"
    " 计划 走势图 开奖结果 预测 信誉网 现金网 赌场 博彩 代理 赢钱 提款 盘口 庄家 彩金"
    " 线上赌场 网投"
)
_SEPARATORS = (" | ", "|", "、", " ", "/", " / ", "｜", "，", "\n", "  ")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff")
_INSERTED = (".", "*", "·", "_", "-", "~", "#")

# Enough pinyin to spell the titles of the inventories; characters not listed
# keep the phrase in characters.
_PINYIN_TABLE = """
巨:ju 乳:ru 爆:bao 丰:feng 满:man 性:xing 感:gan 清:qing 纯:chun 淫:yin 荡:dang 风:feng
骚:sao 极:ji 品:pin 美:mei 黑:hei 丝:si 袜:wa 制:zhi 服:fu 情:qing 趣:qu 人:ren 妻:qi 少:shao
妇:fu 熟:shu 女:nv 萝:luo 莉:li 优:you 学:xue 生:sheng 妹:mei 空:kong 姐:jie 护:hu 士:shi
教:jiao 师:shi 嫩:nen 模:mo 主:zhu 播:bo 网:wang 红:hong 校:xiao 花:hua 偷:tou 拍:pai 自:zi
直:zhi 裸:luo 聊:liao 约:yue 炮:pao 激:ji 诱:you 惑:huo 私:si 乱:luan 伦:lun 高:gao 潮:chao
爱:ai 做:zuo 无:wu 码:ma 有:you 线:xian 观:guan 看:kan 视:shi 频:pin 影:ying 院:yuan 国:guo
产:chan 百:bai 家:jia 乐:le 时:shi 彩:cai 六:liu 合:he 澳:ao 门:men 葡:pu 京:jing 金:jin
沙:sha 娱:yu 城:cheng 开:kai 户:hu 送:song 投:tou 注:zhu 博:bo 赌:du 场:chang 老:lao 虎:hu
机:ji 真:zhen 讯:xun 官:guan 平:ping 台:tai 成:cheng 片:pian 免:mian 费:fei 酒:jiu 店:dian
"""
_PINYIN = dict(pair.split(":", 1) for pair in _PINYIN_TABLE.split())


def _parts(items: tuple[str, ...], part: Part) -> tuple[str, ...]:
    # Every third item is held out, so both halves span the whole inventory.
    held = part == HELD_OUT
    return tuple(item for i, item in enumerate(items) if (i % 3 == 2) == held)


@dataclass(frozen=True)
class _Inventory:
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    scenes: tuple[str, ...]
    places: tuple[str, ...]
    qualities: tuple[str, ...]
    brands: tuple[str, ...]
    games: tuple[str, ...]
    offers: tuple[str, ...]


@lru_cache(maxsize=2)
def _inventory(part: Part) -> _Inventory:
    return _Inventory(
        *(
            _parts(items, part)
            for items in (
                _ADJECTIVES,
                _PEOPLE,
                _SCENES,
                _PLACES,
                _QUALITIES,
                _BRANDS,
                _GAMES,
                _OFFERS,
            )
        )
    )


def vice_phrase(rng: random.Random, part: Part = TRAIN) -> str:
    """One porn video title or gambling offer built from the ``part`` inventory."""
    inv = _inventory(part)
    if rng.random() < 0.6:
        words = [rng.choice(inv.adjectives)] * (rng.random() < 0.8)
        words += [rng.choice(inv.people)]
        words += [rng.choice(inv.places)] * (rng.random() < 0.3)
        words += [rng.choice(inv.scenes)]
        words += [rng.choice(inv.qualities)] * (rng.random() < 0.6)
    else:
        words = [rng.choice(inv.brands)] * (rng.random() < 0.7)
        words += [rng.choice(inv.games)]
        words += [rng.choice(inv.offers)] * (rng.random() < 0.8)
    if rng.random() < 0.15:
        words += [str(rng.randint(1, 999))]
    return "".join(words)


def disguise(phrase: str, rng: random.Random) -> str:
    """``phrase`` written with one evasion, or plainly (about a third of the time)."""
    trick = rng.randrange(7)
    if trick == 0:
        return _traditional(phrase)
    if trick == 1:
        return _fullwidth(phrase)
    if trick == 2:
        mark = rng.choice(_INVISIBLE)
        return mark.join(phrase)
    if trick == 3:
        mark = rng.choice(_INSERTED)
        return mark.join(phrase)
    if trick == 4 and all(c in _PINYIN for c in phrase if not c.isascii()):
        return "".join(c if c.isascii() else _PINYIN[c] for c in phrase)
    return phrase


def stuffed_list(rng: random.Random, part: Part = TRAIN, size: int | None = None) -> str:
    """A footer of ``size`` titles (10–80 when not given) joined by one separator style."""
    size = size if size is not None else rng.randint(10, 80)
    separator = rng.choice(_SEPARATORS)
    disguised = rng.random() < 0.5
    phrases = [vice_phrase(rng, part) for _ in range(size)]
    if disguised:
        phrases = [disguise(p, rng) for p in phrases]
    return separator.join(phrases)


def stuffed_page(article: str, rng: random.Random, part: Part = TRAIN) -> str:
    """An article followed (sometimes preceded) by a stuffed list."""
    footer = stuffed_list(rng, part)
    if rng.random() < 0.2:
        return footer + "\n" + article
    return article + rng.choice(("\n", "\n\n", " ", "")) + footer


def _traditional(text: str) -> str:
    return str(_s2t().convert(text))


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
