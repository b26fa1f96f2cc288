"""Numbers written in Chinese, as in 十二 or 第三网格."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")


def chinese_numeral(number: int) -> str:
    """``number`` (1–9999) in Chinese numerals: 1 → 一, 12 → 十二, 105 → 一百零五."""
    if not 1 <= number <= 9999:
        raise ValueError(f"expected 1..9999, got {number}")
    digits = [int(ch) for ch in str(number)]
    out: list[str] = []
    zero_pending = False
    for position, digit in enumerate(digits):
        unit = _UNITS[len(digits) - 1 - position]
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append("零")
            zero_pending = False
        out.append(_DIGITS[digit] + unit)
    text = "".join(out)
    if 10 <= number <= 19:
        text = text[1:]  # 十二, not 一十二
    return text
