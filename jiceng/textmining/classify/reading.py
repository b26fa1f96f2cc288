"""A message as the classifier reads it: content words, and their characters (package docstring)."""

from __future__ import annotations

from dataclasses import dataclass

from jiceng.textmining.stop_words import default_stop_words
from jiceng.textmining.words import content_words

HEAD_CHARS = 20
# Function characters that the training set's segmenter removed as stop words: in
# raw 附件3/附件4 messages each is 8 to 77 times as frequent as in train_segmented.csv
# (bench/textmining/README.md). Inside longer words they survive the stop-word list,
# so they are also dropped from the character stream on both sides.
STOP_CHARS = "的我了们和都也么但他与将什且又吗或"
_STOP_TABLE = dict.fromkeys(map(ord, STOP_CHARS))


@dataclass(frozen=True)
class ModelText:
    """A message as the classifier reads it: its content words, and their characters."""

    words: list[str]
    chars: str


def model_text(text: str, stop_words: frozenset[str] | None = None) -> ModelText:
    """``text`` cut into content words (:func:`~jiceng.textmining.words.content_words`)."""
    words = content_words(text, default_stop_words() if stop_words is None else stop_words)
    return ModelText(words, "".join(words).translate(_STOP_TABLE))
