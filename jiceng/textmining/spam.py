"""Spam detection for public intake: rules with scores, tuned never to lose a complaint.

A message is spam when its score reaches 1.0.  Each rule adds to the score and
names itself in ``reasons`` so that a moderator sees why:

* **stuffed list** — the learned detector of :mod:`jiceng.textmining.stuffing`:
  a long run of short segments most of which read as adult or gambling text,
  whatever the phrases (it is trained on generated lists, not on a lexicon).
  Probability 0.8 or more is spam on its own; below that, half the probability counts.
* **keyword stuffing** — an innocent-looking article followed by lists of
  gambling or porn search phrases (SEO spam).  Real complaints *report*
  gambling dens and prostitution, so the lexicon holds the commercial phrases
  of such sites (百家乐, 时时彩, 无码…) rather than 赌博 or 卖淫, and a score
  needs several distinct phrases, more so when they are not listed tersely.
* **links** — many URLs or many different domains; government sites don't count.
* **advertising** — a contact handle (微信/QQ/加V + an id) or a call to
  action ("欢迎来电") together with sales words or prices.  A phone number alone
  is never spam: residents leave theirs in every other complaint.
* **repetition** — long text that compresses to almost nothing, or the same
  line over and over.

Residents complaining *about* spammers, scams and illegal sites quote them, so
text that reads like a complaint (three or more of 投诉, 举报, 诈骗, 业主, 政府…)
has the stuffing, link and advertising scores halved — unless the stuffing is
massive (eight phrases or more), which no complaint needs.

Matching runs on normalised text (full-width, traditional characters) and also
on a copy without spaces and punctuation, which defeats "微 信" and "百.家.乐".
The thresholds were checked on 7,594 real citizens' messages (see
``bench/textmining/README.md``): none of them is flagged.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from jiceng.textmining.normalize import join_cjk, normalize, to_halfwidth, to_simplified
from jiceng.textmining.stuffing import default_model

# Above this probability of a stuffed list a page is spam without other evidence; the
# 7,594 real messages stay below 0.7 (bench/textmining/README.md).
STUFFED_LIST_PROBABILITY = 0.8

SPAM_THRESHOLD = 1.0


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Commercial gambling and porn phrases seen on SEO spam pages.
_STUFFING_TERMS = _words(
    """
    百家乐 时时彩 六合彩 北京赛车 pk10 娱乐城 真人娱乐 真人视讯 网上赌场
    线上赌场 澳门赌场 葡京 金沙娱乐 威尼斯人娱乐 太阳城 老虎机 电子游艺 棋牌游戏
    捕鱼游戏 彩票平台 投注平台 体育投注 博彩网 博彩公司 博彩 开户送 注册送 首存
    返水 赌球 外围盘 彩金 轮盘 骰宝 龙虎斗 炸金花 斗地主赢钱 快三
    幸运飞艇 重庆时时彩 香港六合彩 一码中特 特码 平码 成人网站 成人视频 成人电影
    黄色网站 黄色视频 无码 有码 一本道 东京热 av女优 日本av 欧美av av在线
    在线av 伦理片 三级片 毛片 黄片 福利视频 福利姬 裸聊 约炮 援交 同城约
    一夜情 激情视频 激情小说 色情小说 色情网站 色情视频 偷拍视频 自拍偷拍 巨乳
    爆乳 人妻 熟女 萝莉 制服诱惑 av电影 情色 国产自拍 草榴 91porn
    porn
    """
)
_SALES_TERMS = _words(
    """
    代开发票 发票代开 开发票 办证 刷单 兼职 日赚 日结 月入过万 无抵押 信用卡套现
    套现 秒批 秒到 优惠 特价 低价 折扣 促销 包邮 批发 厂家直销 一手货源 加盟
    招商 代理 诚招 出售 回收 转让 免费领取 免费送 限时 抢购 私聊 咨询热线 热线
    微商 代购 减肥 增高 丰胸 壮阳 伟哥 高仿 精仿
    """
)
_CALL_TO_ACTION = re.compile(
    r"欢迎来电|欢迎咨询|欢迎致电|联系电话|联系方式|详询|详情咨询|有意者|电话咨询|加我|速联系|咨询电话"
)
_HANDLE = re.compile(
    r"(?:微信号?|weixin|wechat|vx|v信|威信|薇信|徽信|加v|加微|qq号?|扣扣|企鹅|飞机|telegram)"
    r"[:：\s]*([a-z][a-z0-9_-]{4,19}|\d{5,12})",
    re.I,
)
_PRICE = re.compile(r"(?:[¥￥]\s*\d+|\d+(?:\.\d+)?\s*元\s*/\s*[\u4e00-\u9fff]|\d+\s*元起)")
_TLDS = "com|net|org|cn|cc|top|xyz|vip|info|me|tv|co|io|app|site|club|win|bet|live"
_URL = re.compile(rf"(?:https?://|www\.)[^\s<>\"'，。]+|\b[a-z0-9-]{{2,63}}\.(?:{_TLDS})\b", re.I)
_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.I)
_COMPLAINT_MARKERS = _words(
    """
    投诉 举报 反映 诈骗 被骗 骗取 维权 报警 请求 恳请 希望 要求 解决 处理
    整改 政府 部门 领导 小区 业主 居民 村民 物业 街道 社区 村委 市民 职工
    工资 退还 欠款 调查 监管 执法 城管 市容 扰民 违法 违规 非法 污染 隐患
    派出所 公安 镇政府 严重影响
    """
)
_MASSIVE_STUFFING = 8
_NON_CONTENT = re.compile(r"[\W_]+")
_SEGMENTS = re.compile(r"[\s,，、;；|/。！!?？:：]+")


@dataclass(frozen=True)
class SpamVerdict:
    spam: bool
    score: float
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"spam": self.spam, "score": round(self.score, 3), "reasons": self.reasons}


def _stuffing(text: str, compact: str, complaint: bool) -> tuple[float, str | None]:
    found = sorted(t for t in _STUFFING_TERMS if t in compact)
    if len(found) < 3:
        return 0.0, None
    segments = [s for s in _SEGMENTS.split(text) if s]
    # SEO lists are terse: most phrases stand alone between separators.
    terse = sum(1 for s in segments if len(s) <= 12 and any(t in s for t in found))
    score = 0.25 * len(found) + (0.5 if terse >= 3 else 0.0)
    if complaint and len(found) < _MASSIVE_STUFFING:
        score /= 2
    return score, f"keyword stuffing: {len(found)} gambling/porn phrases ({', '.join(found[:5])})"


def _stuffed_list(text: str) -> tuple[float, str | None]:
    probability, reasons = default_model().judge(text)
    if probability < 0.5:
        return 0.5 * probability, None
    score = 1.0 + probability - STUFFED_LIST_PROBABILITY
    if probability < STUFFED_LIST_PROBABILITY:
        score = 0.5 * probability
    return score, "; ".join([*reasons, f"probability {probability:.2f}"])


def _domains(text: str) -> list[str]:
    domains = []
    for url in _URL.findall(text):
        match = _DOMAIN.match(url)
        if match and not match.group(1).lower().endswith(".gov.cn"):
            domains.append(match.group(1).lower())
    return domains


def _links(text: str) -> tuple[float, str | None]:
    domains = _domains(text)
    if not domains:
        return 0.0, None
    distinct = len(set(domains))
    # Residents link the same forum or photo site several times; farms link
    # many different sites.
    score = 0.15 * min(len(domains), 3) + 0.35 * (distinct - 1)
    link_chars = sum(len(u) for u in _URL.findall(text))
    if distinct > 1 and link_chars > 0.3 * len(text):
        score += 0.5
    return score, f"links: {len(domains)} URLs to {distinct} domains"


def _advertising(text: str, compact: str) -> tuple[float, str | None]:
    # Handles are read from text that still has separators: in compact text
    # "微信、PC、APP" would read as the id "pcapp".
    handles = {m.group(1) for m in _HANDLE.finditer(text)}
    calls = _CALL_TO_ACTION.findall(compact)
    sales = sorted(t for t in _SALES_TERMS if t in compact)
    prices = _PRICE.findall(text)
    if not handles and not calls:
        return 0.0, None
    score = (
        0.5 * bool(handles) + 0.3 * bool(calls) + 0.25 * min(len(sales), 3) + 0.25 * bool(prices)
    )
    if not sales and not prices:
        # A resident leaving a WeChat id to be called back is not advertising.
        score = min(score, 0.5)
    what = ", ".join([*(f"handle {h}" for h in sorted(handles)[:2]), *sales[:3]])
    return score, f"advertising: {what or 'call to action'}"


def _repetition(compact: str, text: str) -> tuple[float, str | None]:
    if len(compact) < 30:
        return 0.0, None
    data = compact.encode("utf-8")
    ratio = len(zlib.compress(data, 9)) / len(data)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    top_line = Counter(lines).most_common(1)[0][1] if lines else 0
    if ratio < 0.12 or len(set(compact)) <= max(3, len(compact) // 40):
        return 1.0, f"repetition: compresses to {ratio:.0%}"
    if top_line >= 5 and top_line >= 0.6 * len(lines):
        return 1.0, f"repetition: one line repeated {top_line} times"
    return 0.0, None


def check_spam(text: str) -> SpamVerdict:
    """Score ``text`` and decide whether it is spam (see module docstring)."""
    raw = to_simplified(to_halfwidth(text)).lower()
    clean = join_cjk(normalize(text)).lower()
    compact = _NON_CONTENT.sub("", clean)
    complaint = sum(1 for m in _COMPLAINT_MARKERS if m in compact) >= 3
    discount = 0.5 if complaint else 1.0
    results = [
        _stuffed_list(text),
        _stuffing(clean, compact, complaint),
        _scaled(_links(raw), discount),
        _scaled(_advertising(clean, compact), discount),
        _repetition(compact, normalize_lines(text)),
    ]
    score = sum(s for s, _ in results)
    reasons = [r for s, r in results if r is not None and s > 0]
    return SpamVerdict(spam=score >= SPAM_THRESHOLD, score=score, reasons=reasons)


def _scaled(result: tuple[float, str | None], factor: float) -> tuple[float, str | None]:
    return result[0] * factor, result[1]


def normalize_lines(text: str) -> str:
    """Normalise each line but keep line breaks (the repetition rule counts lines)."""
    return "\n".join(normalize(line) for line in text.splitlines())
