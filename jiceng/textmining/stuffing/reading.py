"""How the detector reads a page: canonical text, segments, their grams and length."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from jiceng.textmining.normalize import strip_html, to_simplified

SHORT = (2, 24)
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_INSERTED = re.compile(r"(?<=[^\W\d_])[.*·_~#\-•+]+(?=[^\W\d_])")
SEPARATOR = re.compile(r"\s*(\||/|、|,|，|;|；|\n|\s{1,})\s*")
CLAUSE = re.compile(r"[。！？!?\n]+")


def canonical(text: str) -> str:
    """Text as the detector reads it: evasions undone, simplified, lower case."""
    text = unicodedata.normalize("NFKC", strip_html(text))
    text = _INVISIBLE.sub("", text)
    text = _INSERTED.sub("", text)
    return to_simplified(text).lower()


def grams(segment: str) -> list[str]:
    # Digits say nothing about a title (spam numbers its titles, residents their buses).
    chars = [c for c in segment if c.isalpha()]
    return chars + [a + b for a, b in pairwise(chars)]


def length(segment: str) -> int:
    """Length in characters, a Latin letter counting a third: pinyin spells one
    character with about three letters, so a pinyin title is as short as a Chinese one."""
    latin = sum(1 for c in segment if "a" <= c <= "z")
    return len(segment) - latin + -(-latin // 3)
