"""How the detector reads a page: canonical text, its segments and its longest list."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
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


@dataclass(frozen=True)
class ListRun:
    segments: list[str]
    separator: str
    chars: int


def longest_list(text: str) -> ListRun:
    """The longest run of consecutive short segments and its commonest separator."""
    pieces = SEPARATOR.split(text)
    segments, separators = pieces[0::2], pieces[1::2]
    best, start = (0, 0), 0
    for i, segment in enumerate(segments):
        if not SHORT[0] <= length(segment) <= SHORT[1]:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    if len(segments) - start > best[1] - best[0]:
        best = (start, len(segments))
    run = segments[best[0] : best[1]]
    seps = Counter(s.strip() or " " for s in separators[best[0] : max(best[1] - 1, best[0])])
    separator = seps.most_common(1)[0][0] if seps else ""
    return ListRun(run, separator, sum(len(s) for s in run))
