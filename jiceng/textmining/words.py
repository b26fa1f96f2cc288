"""Words as the classifier's training set has them: jieba's cut without stop words.

``train_segmented.csv`` (the Teddy Cup's 附件2) was cut into words by jieba and
then stripped of a stop-word list: "A市西湖建筑集团占道施工有安全隐患" became
"市 西湖 建筑 集团 占 道 施工 安全隐患" (``A`` and ``有`` are on the list).
Residents' messages arrive whole, with every stop word, greeting and number.
Cutting a raw message the same way and dropping the same words gives the form
the model was trained on, so raw and training text are read alike.

The stop words are in :mod:`jiceng.textmining.stop_words`, the cut in
:mod:`jiceng.textmining.cutting`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from jiceng.textmining.cutting import cut
from jiceng.textmining.stop_words import STOP_WORDS_FILE as STOP_WORDS_FILE
from jiceng.textmining.stop_words import default_stop_words as default_stop_words

# A word counts when it has a letter or digit: punctuation, spaces and symbols are dropped.
_WORDLIKE = re.compile(r"[^\W_]")


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
