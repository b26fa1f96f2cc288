"""A resident's request as typed: a category's template wrapped in the resident's voice
(``demo.voice``)."""

from __future__ import annotations

import random

from jiceng.demo import categories, grammar, slots
from jiceng.demo.categories import Category, Request
from jiceng.demo.voice import (
    CLOSERS,
    EXTRA_CHANCES,
    EXTRAS,
    OPENERS,
    PADDING,
    REGISTER_WEIGHTS,
    REGISTERS,
    TITLE_ENDINGS,
    TITLE_MAX,
    TRIED,
    TRIED_ANGRY,
    WANT_FRAMES,
    fitted_description,
)


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
        title += rng.choice(TITLE_ENDINGS["angry"])
    elif colloquial_ok and len(title) <= TITLE_MAX - 2 and rng.random() < 0.3:
        title += rng.choice(TITLE_ENDINGS["colloquial"])
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
    register = rng.choices(REGISTERS, weights=REGISTER_WEIGHTS)[0]
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
    for chance in EXTRA_CHANCES[register]:
        if pool and rng.random() < chance:
            extras += filler.fill(pool.pop(rng.randrange(len(pool))))
    tried = _tried(filler, cat, request, register, rng)
    filler.memo["want"] = filler.fill(rng.choice(request.wants))
    want = filler.fill(rng.choice(WANT_FRAMES[register]))
    closer = filler.fill(rng.choice(CLOSERS[register]))
    return title, fitted_description([opener, body, extras, tried, want, closer], filler, register)


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
