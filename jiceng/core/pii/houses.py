"""House numbers in an address or a text: "12号", "3栋2单元501室", "三幢", but not dates."""

from __future__ import annotations

import re

_CN_NUMBER = "零〇一二三四五六七八九十百"

# "12号", "3栋2单元501室", "三幢": a number then a building word; "12月3号" is a date,
# "第20号" an ordinal.
HOUSE_NUMBER = re.compile(
    rf"(?<![月第])(?<![0-9{_CN_NUMBER}])(?:[0-9{_CN_NUMBER}]+\s*(?:号楼|号院|号|栋|幢|单元|室|弄|楼|层|户)"
    r"(?!线|文|令|码)(?:之[0-9]+)?\s*)+"
)
