"""Policy questions the dispatcher answers on the spot (``data/consultations.json``)."""

from __future__ import annotations

import random

from jiceng.demo import grammar, slots

_DATA = grammar.load("consultations")
_TOPICS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (tuple(topic["questions"]), tuple(topic["answers"])) for topic in _DATA["topics"]
)
_SLOTS = slots.table(_DATA["slots"])
_QUESTION_OPENINGS: tuple[str, ...] = tuple(_DATA["question_openings"])
_ANSWER_OPENINGS: tuple[str, ...] = tuple(_DATA["answer_openings"])
_ANSWER_ENDINGS: tuple[str, ...] = tuple(_DATA["answer_endings"])


def consultation(rng: random.Random) -> tuple[str, str]:
    """A policy question and the dispatcher's on-the-spot answer."""
    questions, answers = rng.choice(_TOPICS)
    filler = grammar.Filler(rng, (_SLOTS, slots.COMMON), {})
    question = rng.choice(_QUESTION_OPENINGS) + filler.fill(rng.choice(questions))
    answer = (
        rng.choice(_ANSWER_OPENINGS)
        + filler.fill(rng.choice(answers))
        + rng.choice(_ANSWER_ENDINGS)
    )
    return question, answer


def consultation_count() -> int:
    """How many distinct consultation topics exist."""
    return len(_TOPICS)


def undefined_slots() -> list[str]:
    """Slots a question or answer uses that no table it is filled against defines."""
    texts = [text for questions, answers in _TOPICS for text in (*questions, *answers)]
    return grammar.undefined("consultations", texts, (_SLOTS, slots.COMMON), set())
