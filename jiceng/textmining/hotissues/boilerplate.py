"""Boilerplate: sentences common to many messages, clauses found under many categories.

See the package docstring, *Boilerplate*.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from jiceng.textmining.hotissues.messages import Message

BOILERPLATE_SHARE = 0.05
_BOILERPLATE_FLOOR = 3
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")
_CLAUSE_END = re.compile(r"(?<=[，,。！？!?；;\n])")
# Digits and punctuation are left out when sentences are compared: a form line with
# a house number in it ("我家12号，门口有棵大桂花树") is the same line for every house.
_NOT_COMPARED = re.compile(r"[\W\d_]+")
BOILERPLATE_CATEGORIES = 3
_MIN_CLAUSE = 4


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_END.split(text) if part.strip()]


def _key(part: str) -> str:
    return _NOT_COMPARED.sub("", part)


@dataclass(frozen=True)
class Boilerplate:
    """Sentences common to many messages and clauses found under many categories."""

    sentences: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()

    def clean(self, text: str) -> str:
        if not self.sentences and not self.clauses:
            return text
        kept = (p for p in _sentences(text) if _key(p) not in self.sentences)
        return "".join(c for p in kept for c in _clauses(p) if _key(c) not in self.clauses)


def find_boilerplate(messages: Sequence[Message], share: float = BOILERPLATE_SHARE) -> Boilerplate:
    """The boilerplate of ``messages`` (see the module docstring).

    A sentence is boilerplate when it recurs in ``share`` of the messages; a clause,
    when it recurs in messages of ``BOILERPLATE_CATEGORIES`` different categories
    (categories known): a problem is reported under one category, a form line under all.
    """
    counts: Counter[str] = Counter()
    categories: dict[str, set[str]] = {}
    for message in messages:
        counts.update({_key(part) for part in _sentences(message.text)})
        if message.category:
            for clause in {_key(part) for part in _clauses(message.text)}:
                if len(clause) >= _MIN_CLAUSE:
                    categories.setdefault(clause, set()).add(message.category)
    limit = max(_BOILERPLATE_FLOOR, share * len(messages))
    return Boilerplate(
        frozenset(key for key, n in counts.items() if n >= limit and key),
        frozenset(key for key, seen in categories.items() if len(seen) >= BOILERPLATE_CATEGORIES),
    )


def drop_boilerplate(
    messages: Sequence[Message], share: float = BOILERPLATE_SHARE
) -> list[Message]:
    """The messages without their boilerplate (:func:`find_boilerplate`)."""
    found = find_boilerplate(messages, share)
    if not found.sentences and not found.clauses:
        return list(messages)
    return [replace(m, text=found.clean(m.text)) for m in messages]
