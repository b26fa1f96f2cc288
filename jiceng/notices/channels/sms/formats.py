"""Phone numbers and parameters as gateways take them, and their words scrubbed of numbers."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

NATIONAL = re.compile(r"^(?:\+86|0086|86)?(1[3-9]\d{9})$")
LONG_NUMBER = re.compile(r"\+?\d[\d -]{5,}\d")


def national(phone: str) -> str:
    """A mainland mobile number as 11 digits (``13812345678``); other numbers unchanged."""
    match = NATIONAL.match(phone.strip().replace(" ", ""))
    return match.group(1) if match else phone.strip()


def e164(phone: str) -> str:
    """A mainland mobile number as ``+8613812345678``, the form Tencent and our HTTP take."""
    number = national(phone)
    return f"+86{number}" if NATIONAL.match(number) else number


def worded(params: Mapping[str, str]) -> str:
    """Template parameters as the JSON object Aliyun and our HTTP protocol take."""
    return json.dumps(dict(params), ensure_ascii=False, separators=(",", ":"))


def scrub(reason: str) -> str:
    """A gateway's own words, with any long run of digits (a phone number) blotted out."""
    return LONG_NUMBER.sub("…", reason.strip())[:200]
