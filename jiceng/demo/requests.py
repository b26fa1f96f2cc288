"""A resident's request as typed: a category's template wrapped in the resident's voice.

The voice (``data/voice.json``) is one of four registers, polite, terse, angry and
colloquial, each with its own openings, demands, closings and extra sentences; colloquial
words and the odd typo are swapped in last.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from jiceng.demo import categories, grammar, slots
from jiceng.demo.categories import Category, Request

TITLE_MAX = 30
DESCRIPTION_MIN = 40
DESCRIPTION_MAX = 300

_VOICE = grammar.load("voice")
_REGISTERS: tuple[str, ...] = tuple(_VOICE["registers"])
_REGISTER_WEIGHTS: tuple[int, ...] = tuple(_VOICE["registers"].values())
OPENERS: dict[str, list[str]] = _VOICE["openers"]
WANT_FRAMES: dict[str, list[str]] = _VOICE["want_frames"]
CLOSERS: dict[str, list[str]] = _VOICE["closers"]
EXTRAS: dict[str, list[str]] = _VOICE["extras"]
_EXTRA_CHANCES: dict[str, list[float]] = _VOICE["extra_chances"]
TRIED: tuple[str, ...] = tuple(_VOICE["tried"])
TRIED_ANGRY: tuple[str, ...] = tuple(_VOICE["tried_angry"])
PADDING: tuple[str, ...] = tuple(_VOICE["padding"])
_TITLE_ENDINGS: dict[str, list[str]] = _VOICE["title_endings"]
_COLLOQUIAL_SWAPS: tuple[tuple[str, str], ...] = tuple(_VOICE["colloquial_swaps"].items())
_TYPOS: tuple[tuple[str, str], ...] = tuple(_VOICE["typos"].items())


def _swap_words(text: str, rng: random.Random, *, colloquial: bool) -> str:
    chance = 0.7 if colloquial else 0.08
    for formal, casual in _COLLOQUIAL_SWAPS:
        if formal in text and rng.random() < chance:
            text = text.replace(formal, casual)
    if rng.random() < 0.1:
        present = [pair for pair in _TYPOS if pair[0] in text]
        if present:
            right, wrong = rng.choice(present)
            text = text.replace(right, wrong, 1)
    return text


def _compose(parts: Sequence[str]) -> str:
    return "".join(part for part in parts if part)


def _title(filler: grammar.Filler, request: Request, register: str, rng: random.Random) -> str:
    order = list(request.titles)
    rng.shuffle(order)
    title = ""
    for template in order:
        title = filler.fill(template)
        if len(title) <= TITLE_MAX:
            break
    colloquial_ok = register == "colloquial" and "咋" not in title and not title.endswith("？")
    if register == "angry" and len(title) <= TITLE_MAX - 3 and rng.random() < 0.6:
        title += rng.choice(_TITLE_ENDINGS["angry"])
    elif colloquial_ok and len(title) <= TITLE_MAX - 2 and rng.random() < 0.3:
        title += rng.choice(_TITLE_ENDINGS["colloquial"])
    return title[:TITLE_MAX]


def _tried(
    filler: grammar.Filler, cat: Category, request: Request, register: str, rng: random.Random
) -> str:
    roll = rng.random()
    if register == "angry" and roll < 0.6:
        return filler.fill(rng.choice(TRIED_ANGRY))
    specific = request.tried + cat.tried
    if roll < 0.4 or (roll < 0.75 and not specific):
        return filler.fill(rng.choice(TRIED))
    if roll < 0.75:
        return filler.fill(rng.choice(specific))
    return ""


def request_text(
    category: str, rng: random.Random, *, village: str, township: str
) -> tuple[str, str]:
    """A resident's request in ``category``: ``(title, description)``.

    The title is at most 30 characters, the description 40 to 300. Most descriptions
    name ``village``; the register varies between polite, terse, angry and colloquial.
    """
    cat = categories.get(category)
    request = rng.choice(cat.requests)
    register = rng.choices(_REGISTERS, weights=_REGISTER_WEIGHTS)[0]
    layers = (cat.slots, slots.COMMON)
    filler = grammar.Filler(rng, layers, {"village": village, "township": township})

    body = filler.fill(request.body)
    title = _title(filler, request, register, rng)
    opener = filler.fill(rng.choice(OPENERS[register]))
    if village not in opener + body and rng.random() < 0.9:
        with_village = [text for text in OPENERS[register] if "{village}" in text]
        opener = filler.fill(rng.choice(with_village))

    pool = list(EXTRAS[register])
    extras = ""
    for chance in _EXTRA_CHANCES[register]:
        if pool and rng.random() < chance:
            extras += filler.fill(pool.pop(rng.randrange(len(pool))))
    tried = _tried(filler, cat, request, register, rng)
    filler.memo["want"] = filler.fill(rng.choice(request.wants))
    want = filler.fill(rng.choice(WANT_FRAMES[register]))
    closer = filler.fill(rng.choice(CLOSERS[register]))
    return title, _description([opener, body, extras, tried, want, closer], filler, register)


def _description(parts: list[str], filler: grammar.Filler, register: str) -> str:
    """The parts joined, shortened or padded to fit between the length limits."""
    rng = filler.rng
    # Drop optional parts, least important first, until the description fits.
    for drop in (5, 2, 3, 0):
        if len(_compose(parts)) <= DESCRIPTION_MAX:
            break
        parts[drop] = ""
    if parts[4].endswith("，") and not parts[5]:
        parts[4] = parts[4][:-1] + "。"
    description = _swap_words(_compose(parts), rng, colloquial=register == "colloquial")
    if len(description) > DESCRIPTION_MAX:
        cut = max(description.rfind(mark, 0, DESCRIPTION_MAX) for mark in "。！？")
        end = cut + 1 if cut >= DESCRIPTION_MIN else DESCRIPTION_MAX
        description = description[:end]
    padding = list(PADDING)
    while len(description) < DESCRIPTION_MIN and padding:
        description += filler.fill(padding.pop(rng.randrange(len(padding))))
    return description


def undefined_slots() -> list[str]:
    """Slots a request template uses that neither its category nor the common slots define."""
    voice = [*TRIED, *TRIED_ANGRY, *PADDING]
    for table in (OPENERS, WANT_FRAMES, CLOSERS, EXTRAS):
        voice += [text for pool in table.values() for text in pool]
    return [
        missing
        for code, cat in categories.CATEGORIES.items()
        for missing in grammar.undefined(
            code,
            [*voice, *categories.templates(cat)],
            (cat.slots, slots.COMMON),
            {"village", "township", "want"},
        )
    ]
