"""The spam rules: each returns a score and, when it scores, the reason in words."""

from __future__ import annotations

import zlib
from collections import Counter

from jiceng.textmining.spam.lexicon import MASSIVE_STUFFING, SALES_TERMS, STUFFING_TERMS
from jiceng.textmining.spam.patterns import CALL_TO_ACTION, DOMAIN, HANDLE, PRICE, SEGMENTS, URL
from jiceng.textmining.stuffing.model import default_model

# Above this probability of a stuffed list a page is spam without other evidence; the
# 7,594 real messages stay below 0.7 (bench/textmining/README.md).
STUFFED_LIST_PROBABILITY = 0.8


def stuffing(text: str, compact: str, complaint: bool) -> tuple[float, str | None]:
    found = sorted(t for t in STUFFING_TERMS if t in compact)
    if len(found) < 3:
        return 0.0, None
    segments = [s for s in SEGMENTS.split(text) if s]
    # SEO lists are terse: most phrases stand alone between separators.
    terse = sum(1 for s in segments if len(s) <= 12 and any(t in s for t in found))
    score = 0.25 * len(found) + (0.5 if terse >= 3 else 0.0)
    if complaint and len(found) < MASSIVE_STUFFING:
        score /= 2
    return score, f"keyword stuffing: {len(found)} gambling/porn phrases ({', '.join(found[:5])})"


def stuffed_list(text: str) -> tuple[float, str | None]:
    probability, reasons = default_model().judge(text)
    if probability < 0.5:
        return 0.5 * probability, None
    score = 1.0 + probability - STUFFED_LIST_PROBABILITY
    if probability < STUFFED_LIST_PROBABILITY:
        score = 0.5 * probability
    return score, "; ".join([*reasons, f"probability {probability:.2f}"])


def _domains(text: str) -> list[str]:
    domains = []
    for url in URL.findall(text):
        match = DOMAIN.match(url)
        if match and not match.group(1).lower().endswith(".gov.cn"):
            domains.append(match.group(1).lower())
    return domains


def links(text: str) -> tuple[float, str | None]:
    domains = _domains(text)
    if not domains:
        return 0.0, None
    distinct = len(set(domains))
    # Residents link the same forum or photo site several times; farms link
    # many different sites.
    score = 0.15 * min(len(domains), 3) + 0.35 * (distinct - 1)
    link_chars = sum(len(u) for u in URL.findall(text))
    if distinct > 1 and link_chars > 0.3 * len(text):
        score += 0.5
    return score, f"links: {len(domains)} URLs to {distinct} domains"


def advertising(text: str, compact: str) -> tuple[float, str | None]:
    # Handles are read from text that still has separators: in compact text
    # "微信、PC、APP" would read as the id "pcapp".
    handles = {m.group(1) for m in HANDLE.finditer(text)}
    calls = CALL_TO_ACTION.findall(compact)
    sales = sorted(t for t in SALES_TERMS if t in compact)
    prices = PRICE.findall(text)
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


def repetition(compact: str, text: str) -> tuple[float, str | None]:
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
