"""Word segmentation (jieba) that knows the deployment's place names, and search tokens.

jieba's general dictionary cuts village names apart ("赵家镇上京村" becomes
赵家 / 镇上 / 京村路), which ruins search and hot-issue keywords, so each
:class:`Segmenter` loads the division names of the deployment into a private
``jieba.Tokenizer``.  A private tokenizer keeps one deployment's words out of
the process-wide default that other code may rely on.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache
from types import ModuleType
from typing import TYPE_CHECKING

from jiceng.textmining.normalize import normalize

if TYPE_CHECKING:
    import jieba

_CJK_RUN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")
_WORDLIKE = re.compile(r"\w", re.UNICODE)
# Official names carry the committee suffix, residents never write it.
_COMMITTEE_SUFFIXES = ("村民委员会", "居民委员会", "村委会", "居委会")


def place_words(official_name: str) -> list[str]:
    """Spellings of a division name worth adding to the dictionary.

    "天竺社区居委会" → ["天竺社区居委会", "天竺社区"]; "陈家村村委会" → ["陈家村村委会", "陈家村"].
    """
    words = [official_name]
    for suffix in _COMMITTEE_SUFFIXES:
        if official_name.endswith(suffix) and len(official_name) > len(suffix) + 1:
            short = official_name[: -len(suffix)]
            # "陈家村村委会" minus "村委会" is already "陈家村"; "陈家村民委员会" needs the 村 back.
            words.append(short if short[-1] in "村区" else short + "村")
            break
    return words


class Segmenter:
    """jieba segmentation with the deployment's own words never cut apart.

    The first segmenter of a process loads jieba's dictionary (about two
    seconds); later ones copy it.  A segmenter is safe to share between threads.
    """

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self._tokenizer: jieba.Tokenizer | None = None
        self._lock = threading.Lock()
        self._pending = [w for w in user_words if w.strip()]

    def _ready(self) -> jieba.Tokenizer:
        # Loading is deferred so that constructing a Segmenter is free.
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = _fresh_tokenizer()
            if self._pending:
                for word in self._pending:
                    self._add(self._tokenizer, word)
                self._pending = []
            return self._tokenizer

    @staticmethod
    def _add(tokenizer: jieba.Tokenizer, word: str) -> None:
        word = normalize(word)
        # suggest_freq raises the frequency just enough that jieba keeps the
        # word whole even where a neighbouring split looks likelier.
        tokenizer.add_word(word)
        tokenizer.suggest_freq(word, tune=True)

    def add_words(self, words: Iterable[str]) -> None:
        """Add words (e.g. a newly created village) after construction."""
        with self._lock:
            self._pending.extend(w for w in words if w.strip())

    def cut(self, text: str) -> list[str]:
        """Words of the normalised text, without spaces and punctuation."""
        return [w for w in self._ready().lcut(normalize(text)) if _WORDLIKE.search(w)]

    def search_tokens(self, text: str) -> str:
        """Space-joined tokens for a full-text index (SQLite FTS5, PostgreSQL tsvector).

        Holds the words of :meth:`cut_for_search` plus every overlapping
        character bigram of each Chinese run.  Words give precise, ranked hits;
        bigrams make a search for any substring of two or more characters
        match even when jieba cut the stored text differently from the query
        (a new estate name, a misspelt road).  Run the *query* through the
        same function and match all its tokens.
        """
        return " ".join(self._search_terms(normalize(text)))

    def _search_terms(self, text: str) -> Iterator[str]:
        for word in self._ready().cut_for_search(text):
            if _WORDLIKE.search(word):
                yield word.lower()
        for run in _CJK_RUN.findall(text):
            for start in range(len(run) - 1):
                yield run[start : start + 2]


@lru_cache(maxsize=1)
def _jieba() -> ModuleType:
    """jieba, imported on first segmentation: web processes that never segment skip it."""
    import jieba

    # jieba prints "Building prefix dict…" on every start; that is noise in CLI output.
    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def _base_dictionary() -> tuple[dict[str, int], int]:
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


def _fresh_tokenizer() -> jieba.Tokenizer:
    """A private tokenizer holding a copy of jieba's default dictionary.

    Building the dictionary from jieba's file takes seconds (bench/search.md,
    "Cost added to each case written"); copying the loaded one is cheap.  This
    sets the attributes that ``Tokenizer.initialize`` would set (jieba 0.42,
    unchanged since 2020).
    """
    freq, total = _base_dictionary()
    tokenizer = _jieba().Tokenizer()
    tokenizer.FREQ, tokenizer.total = dict(freq), total
    tokenizer.initialized = True
    return tokenizer


@lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """A process-wide segmenter without deployment words."""
    return Segmenter()


def search_tokens(text: str) -> str:
    """:meth:`Segmenter.search_tokens` with the default segmenter."""
    return default_segmenter().search_tokens(text)
