"""Patterns the spam rules look for: calls to action, handles, prices, links, separators."""

from __future__ import annotations

import re

CALL_TO_ACTION = re.compile(
    r"欢迎来电|欢迎咨询|欢迎致电|联系电话|联系方式|详询|详情咨询|有意者|电话咨询|加我|速联系|咨询电话"
)
HANDLE = re.compile(
    r"(?:微信号?|weixin|wechat|vx|v信|威信|薇信|徽信|加v|加微|qq号?|扣扣|企鹅|飞机|telegram)"
    r"[:：\s]*([a-z][a-z0-9_-]{4,19}|\d{5,12})",
    re.I,
)
PRICE = re.compile(r"(?:[¥￥]\s*\d+|\d+(?:\.\d+)?\s*元\s*/\s*[\u4e00-\u9fff]|\d+\s*元起)")
_TLDS = "com|net|org|cn|cc|top|xyz|vip|info|me|tv|co|io|app|site|club|win|bet|live"
URL = re.compile(rf"(?:https?://|www\.)[^\s<>\"'，。]+|\b[a-z0-9-]{{2,63}}\.(?:{_TLDS})\b", re.I)
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.I)
NON_CONTENT = re.compile(r"[\W_]+")
SEGMENTS = re.compile(r"[\s,，、;；|/。！!?？:：]+")
