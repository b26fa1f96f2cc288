"""The resident's voice (``data/voice.json``): four registers, polite, terse, angry and
colloquial, each with its own openings, demands, closings and extra sentences; and the
description fitted to its length limits, colloquial words and the odd typo swapped in last.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from jiceng.demo import grammar

TITLE_MAX = 30
DESCRIPTION_MIN = 40
DESCRIPTION_MAX = 300

VOICE = grammar.load("voice")
REGISTERS: tuple[str, ...] = tuple(VOICE["registers"])
REGISTER_WEIGHTS: tuple[int, ...] = tuple(VOICE["registers"].values())
OPENERS: dict[str, list[str]] = VOICE["openers"]
WANT_FRAMES: dict[str, list[str]] = VOICE["want_frames"]
CLOSERS: dict[str, list[str]] = VOICE["closers"]
EXTRAS: dict[str, list[str]] = VOICE["extras"]
EXTRA_CHANCES: dict[str, list[float]] = VOICE["extra_chances"]
TRIED: tuple[str, ...] = tuple(VOICE["tried"])
TRIED_ANGRY: tuple[str, ...] = tuple(VOICE["tried_angry"])
PADDING: tuple[str, ...] = tuple(VOICE["padding"])
TITLE_ENDINGS: dict[str, list[str]] = VOICE["title_endings"]
COLLOQUIAL_SWAPS: tuple[tuple[str, str], ...] = tuple(VOICE["colloquial_swaps"].items())
TYPOS: tuple[tuple[str, str], ...] = tuple(VOICE["typos"].items())


def swap_words(text: str, rng: random.Random, *, colloquial: bool) -> str:
    chance = 0.7 if colloquial else 0.08
    for formal, casual in COLLOQUIAL_SWAPS:
        if formal in text and rng.random() < chance:
            text = text.replace(formal, casual)
    if rng.random() < 0.1:
        present = [pair for pair in TYPOS if pair[0] in text]
        if present:
            right, wrong = rng.choice(present)
            text = text.replace(right, wrong, 1)
    return text


def compose(parts: Sequence[str]) -> str:
    return "".join(part for part in parts if part)


def fitted_description(parts: list[str], filler: grammar.Filler, register: str) -> str:
    """The parts joined, shortened or padded to fit between the length limits."""
    rng = filler.rng
    # Drop optional parts, least important first, until the description fits.
    for drop in (5, 2, 3, 0):
        if len(compose(parts)) <= DESCRIPTION_MAX:
            break
        parts[drop] = ""
    if parts[4].endswith("，") and not parts[5]:
        parts[4] = parts[4][:-1] + "。"
    description = swap_words(compose(parts), rng, colloquial=register == "colloquial")
    if len(description) > DESCRIPTION_MAX:
        cut = max(description.rfind(mark, 0, DESCRIPTION_MAX) for mark in "。！？")
        end = cut + 1 if cut >= DESCRIPTION_MIN else DESCRIPTION_MAX
        description = description[:end]
    padding = list(PADDING)
    while len(description) < DESCRIPTION_MIN and padding:
        description += filler.fill(padding.pop(rng.randrange(len(padding))))
    return description
