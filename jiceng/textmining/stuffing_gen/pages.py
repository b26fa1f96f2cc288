"""Stuffed titles, lists and pages, with the evasions spammers use."""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from jiceng.textmining.stuffing_gen.inventory import PINYIN, TRAIN, Part, inventory

_SEPARATORS = (" | ", "|", "、", " ", "/", " / ", "｜", "，", "\n", "  ")
_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\ufeff")
_INSERTED = (".", "*", "·", "_", "-", "~", "#")


def vice_phrase(rng: random.Random, part: Part = TRAIN) -> str:
    """One porn video title or gambling offer built from the ``part`` inventory."""
    inv = inventory(part)
    if rng.random() < 0.6:
        words = [rng.choice(inv.adjectives)] * (rng.random() < 0.8)
        words += [rng.choice(inv.people)]
        words += [rng.choice(inv.places)] * (rng.random() < 0.3)
        words += [rng.choice(inv.scenes)]
        words += [rng.choice(inv.qualities)] * (rng.random() < 0.6)
    else:
        words = [rng.choice(inv.brands)] * (rng.random() < 0.7)
        words += [rng.choice(inv.games)]
        words += [rng.choice(inv.offers)] * (rng.random() < 0.8)
    if rng.random() < 0.15:
        words += [str(rng.randint(1, 999))]
    return "".join(words)


def disguise(phrase: str, rng: random.Random) -> str:
    """``phrase`` written with one evasion, or plainly (about a third of the time)."""
    trick = rng.randrange(7)
    if trick == 0:
        return _traditional(phrase)
    if trick == 1:
        return _fullwidth(phrase)
    if trick == 2:
        mark = rng.choice(_INVISIBLE)
        return mark.join(phrase)
    if trick == 3:
        mark = rng.choice(_INSERTED)
        return mark.join(phrase)
    if trick == 4 and all(c in PINYIN for c in phrase if not c.isascii()):
        return "".join(c if c.isascii() else PINYIN[c] for c in phrase)
    return phrase


def stuffed_list(rng: random.Random, part: Part = TRAIN, size: int | None = None) -> str:
    """A footer of ``size`` titles (10–80 when not given) joined by one separator style."""
    size = size if size is not None else rng.randint(10, 80)
    separator = rng.choice(_SEPARATORS)
    disguised = rng.random() < 0.5
    phrases = [vice_phrase(rng, part) for _ in range(size)]
    if disguised:
        phrases = [disguise(p, rng) for p in phrases]
    return separator.join(phrases)


def stuffed_page(article: str, rng: random.Random, part: Part = TRAIN) -> str:
    """An article followed (sometimes preceded) by a stuffed list."""
    footer = stuffed_list(rng, part)
    if rng.random() < 0.2:
        return footer + "\n" + article
    return article + rng.choice(("\n", "\n\n", " ", "")) + footer


def _traditional(text: str) -> str:
    return str(_s2t().convert(text))


@lru_cache(maxsize=1)
def _s2t() -> Any:
    import opencc

    return opencc.OpenCC("s2t")


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)
