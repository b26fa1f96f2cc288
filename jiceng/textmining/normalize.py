"""Text normalisation applied before every other text-mining step.

Residents write from phones, web forms and pasted documents, so the same
complaint arrives with full-width letters, traditional characters, HTML
fragments and odd padding (the public hotline export pads bodies with
``\\n\\t\\t``, ``\\xa0`` and ``\\u3000``).  Everything downstream (classifier,
duplicate detection, spam rules, search) sees text only after
:func:`normalize`, so they agree on what "the same text" means.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import Protocol

# Chinese sentence punctuation that lives in the full-width block but is the
# *normal* form in Chinese prose; turning "，" into "," would make Chinese text
# look like English to readers and to the spam rules, so these stay.
_KEEP_FULLWIDTH = frozenset("，！？：；（）")

# Full-width ASCII block U+FF01..U+FF5E maps to U+0021..U+007E by a fixed offset.
FULLWIDTH_OFFSET = 0xFEE0
_HALFWIDTH_TABLE: dict[int, int] = {
    code: code - FULLWIDTH_OFFSET
    for code in range(0xFF01, 0xFF5F)
    if chr(code) not in _KEEP_FULLWIDTH
}
# str.translate walks every character in Python; on long Chinese messages it
# is the slowest step, so translate only the runs that need it.
_FULLWIDTH_RUN = re.compile("[" + "".join(map(chr, _HALFWIDTH_TABLE)) + "]+")

# Zero-width characters are used to dodge keyword filters; they carry no meaning.
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<(?:script|style)\b.*?</(?:script|style)\s*>|<!--.*?-->|<[^<>]+>", re.S | re.I)
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@lru_cache(maxsize=1)
def _t2s() -> _Converter:
    # Building the converter loads dictionaries from disk; do it once per process.
    import opencc

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


@lru_cache(maxsize=1)
def _traditional_chars() -> re.Pattern[str]:
    # Running OpenCC on every message costs far more than a character-class search
    # (bench/textmining/README.md, "Traditional → simplified"), and almost all input
    # is already simplified.  The class holds every ideograph that OpenCC changes
    # when converted on its own.
    ideographs = [chr(c) for r in ((0x3400, 0xA000), (0xF900, 0xFB00)) for c in range(*r)]
    converted = _t2s().convert("\n".join(ideographs)).split("\n")
    changed = [a for a, b in zip(ideographs, converted, strict=True) if a != b]
    return re.compile("[" + "".join(changed) + "]")


def strip_html(text: str) -> str:
    """Remove tags (and script/style bodies) and decode entities such as ``&nbsp;``."""
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    return text


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII letters, digits and symbols to their half-width forms."""
    return _FULLWIDTH_RUN.sub(lambda run: run.group().translate(_HALFWIDTH_TABLE), text)


def to_simplified(text: str) -> str:
    """Convert traditional characters to simplified ones (OpenCC ``t2s``)."""
    if _traditional_chars().search(text) is None:
        return text
    return _t2s().convert(text)


def collapse_whitespace(text: str) -> str:
    """Turn every whitespace run (tabs, newlines, ``\\u3000``…) into one space; trim ends."""
    # str.split() knows every Unicode space (\u3000, \xa0 …) and beats a regex.
    return " ".join(_INVISIBLE.sub("", text).split())


def normalize(text: str) -> str:
    """Full normalisation: HTML, width, traditional→simplified, whitespace."""
    text = strip_html(text)
    text = to_halfwidth(text)
    text = to_simplified(text)
    return collapse_whitespace(text)


def join_cjk(text: str) -> str:
    """Drop spaces between two Chinese characters.

    Pre-segmented text ("枫桥镇 陈家村 道路") and raw text ("枫桥镇陈家村道路")
    must look identical to the models; spaces between Latin words are kept.
    """
    return _SPACE_BETWEEN_CJK.sub("", text)
