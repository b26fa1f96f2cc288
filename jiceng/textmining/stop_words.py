"""The stop words that the training set's segmenter removed, as inferred from unlabelled data.

The list is not published with the data; it was inferred (bench/textmining/
infer_stopwords.py): a word is a stop word when jieba finds it at least three
times in *each* of the two raw, unlabelled files (附件3 hot issues, 附件4
replies) yet not once in the 8,250 training messages of the same forum.  The
two-file rule keeps one estate's or one company's name (frequent in one file,
absent from training because it never had a labelled message) off the list.
779 words: function words (的 了 在 是 我们 没有 可以 …), single digits and
letters, the anonymising codes' letters. The labelled raw sample played no part.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

STOP_WORDS_FILE = Path(__file__).resolve().parent / "data" / "stopwords.txt"


@lru_cache(maxsize=1)
def default_stop_words() -> frozenset[str]:
    """The inferred stop-word list shipped in ``data/stopwords.txt``."""
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))
