"""What cadres write on a request (``data/cadre.json``): answers, escalations, returns, notes."""

from __future__ import annotations

import random

from jiceng.demo import categories, grammar, slots

RESOLUTION_MIN = 30
RESOLUTION_MAX = 200

_DATA = grammar.load("cadre")
_FRAMES: tuple[str, ...] = tuple(_DATA["resolution_frames"])
_SHORT: str = _DATA["resolution_short"]
_TAIL: str = _DATA["resolution_tail"]
RESOLUTION_SLOTS = slots.table(_DATA["resolution_slots"])
_ESCALATIONS: tuple[str, ...] = tuple(_DATA["escalations"])
_ESCALATION_ENDINGS: tuple[str, ...] = tuple(_DATA["escalation_endings"])
_RETURN_REASONS: tuple[str, ...] = tuple(_DATA["return_reasons"])
_NOTES: tuple[str, ...] = tuple(_DATA["notes"])
_SLOTS = slots.table(_DATA["slots"])


def resolution_text(category: str, rng: random.Random, *, unit: str) -> str:
    """The cadre's answer when resolving a request: what, when, by whom, follow-up (30–200)."""
    cat = categories.get(category)
    filler = grammar.Filler(rng, (RESOLUTION_SLOTS, cat.slots, slots.COMMON), {"unit": unit})
    frame = rng.choice(_FRAMES)
    filler.memo["action"] = filler.fill(rng.choice(cat.actions))
    text = filler.fill(frame)
    if len(text) > RESOLUTION_MAX:
        text = filler.fill(_SHORT)
    if len(text) > RESOLUTION_MAX:
        text = text[: RESOLUTION_MAX - 1] + "。"
    if len(text) < RESOLUTION_MIN:
        text += _TAIL
    return text


def escalation_reason(category: str, rng: random.Random) -> str:
    """Why a village passes a request up to the township."""
    cat = categories.get(category)
    pool = cat.escalations if rng.random() < 0.75 else _ESCALATIONS
    return rng.choice(pool) + rng.choice(_ESCALATION_ENDINGS)


def return_reason(rng: random.Random) -> str:
    """Why a village sends a misrouted request back."""
    filler = grammar.Filler(rng, (_SLOTS, slots.COMMON), {})
    return filler.fill(rng.choice(_RETURN_REASONS))


def note_text(rng: random.Random) -> str:
    """An internal cadre note on a request."""
    filler = grammar.Filler(rng, (_SLOTS, slots.COMMON), {})
    return filler.fill(rng.choice(_NOTES))


def undefined_slots() -> list[str]:
    """Slots a cadre's template uses that no table it is filled against defines."""
    missing = grammar.undefined("cadre", [*_RETURN_REASONS, *_NOTES], (_SLOTS, slots.COMMON), set())
    for code, cat in categories.CATEGORIES.items():
        layers = (RESOLUTION_SLOTS, cat.slots, slots.COMMON)
        templates = [*_FRAMES, _SHORT, _TAIL, *cat.actions]
        missing += grammar.undefined(f"{code}/resolution", templates, layers, {"unit", "action"})
    return missing
