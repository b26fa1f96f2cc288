"""Words as the classifier's training set has them: jieba's cut without stop words.

``train_segmented.csv`` (the Teddy Cup's 附件2) was cut into words by jieba and
then stripped of a stop-word list: "A市西湖建筑集团占道施工有安全隐患" became
"市 西湖 建筑 集团 占 道 施工 安全隐患" (``A`` and ``有`` are on the list).
Residents' messages arrive whole, with every stop word, greeting and number.
Cutting a raw message the same way and dropping the same words gives the form
the model was trained on, so raw and training text are read alike.

The list is not published with the data; it was inferred (bench/textmining/
infer_stopwords.py): a word is a stop word when jieba finds it at least three
times in *each* of the two raw, unlabelled files (附件3 hot issues, 附件4
replies) yet not once in the 8,250 training messages of the same forum.  The
two-file rule keeps one estate's or one company's name (frequent in one file,
absent from training because it never had a labelled message) off the list.
779 words: function words (的 了 在 是 我们 没有 可以 …), single digits and
letters, the anonymising codes' letters. The labelled raw sample played no part.

Cutting uses jieba-rs (the ``rjieba`` package), which implements jieba's
algorithm and dictionary in Rust: the same words as jieba (887 of 1,000 raw
messages cut identically, the rest differ in a word or two) at about 15,000
messages a second on one core against jieba's 400.  It is imported on first
use only, so a process that never classifies does not load its dictionary
(about 30 MB, 0.7 s).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from jiceng.textmining.features.ngrams import prepare
from jiceng.textmining.normalize import to_halfwidth

STOP_WORDS_FILE = Path(__file__).resolve().parent / "data" / "stopwords.txt"
# A word counts when it has a letter or digit: punctuation, spaces and symbols are dropped.
_WORDLIKE = re.compile(r"[^\W_]")
# Spreadsheet exports escape a carriage return as this literal text.
_EXCEL_CR = "_x000D_"


@lru_cache(maxsize=1)
def _rjieba() -> ModuleType:
    import rjieba

    return rjieba


@lru_cache(maxsize=1)
def default_stop_words() -> frozenset[str]:
    """The inferred stop-word list shipped in ``data/stopwords.txt``."""
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def cut(text: str) -> list[str]:
    """jieba's words of ``text`` (markup removed, traditional characters simplified)."""
    if _EXCEL_CR in text:
        text = text.replace(_EXCEL_CR, "\n")
    cut_words: list[str] = _rjieba().cut(to_halfwidth(prepare(text)))
    return cut_words


def content_words(text: str, stop_words: Collection[str]) -> list[str]:
    """The words of ``text`` that are neither stop words nor punctuation, lower-case.

    Pre-segmented text gives (almost) its own words back: jieba never joins
    across a space.
    """
    kept = []
    for word in cut(text):
        if _WORDLIKE.search(word) is None:
            continue
        word = word.lower()
        if word not in stop_words:
            kept.append(word)
    return kept
