"""Generated simplified-Chinese demo texts for a rural county in Zhejiang (诸暨市).

The words are data, in ``jiceng/demo/data/``; the modules beside this one read them and
fill their templates (:mod:`jiceng.demo.grammar` explains the format). This module
gathers what the demo, the benchmarks and the tests call. Everything is deterministic
given the ``random.Random`` passed in: the same seed yields the same texts.
"""

from __future__ import annotations

from jiceng.demo import cadre, consultations, ratings, requests
from jiceng.demo.cadre import escalation_reason, note_text, resolution_text, return_reason
from jiceng.demo.categories import CATEGORY_CODES, request_template_count
from jiceng.demo.consultations import consultation, consultation_count
from jiceng.demo.numerals import chinese_numeral
from jiceng.demo.people import (
    HOUSEHOLD_RELATIONS,
    address,
    grid_name,
    household_head_relation,
    person_name,
)
from jiceng.demo.phones_ids import id_check_digit, id_number, phone_number
from jiceng.demo.ratings import SATISFACTION_LEVELS, rating_comment
from jiceng.demo.requests import request_text

__all__ = [
    "CATEGORY_CODES",
    "HOUSEHOLD_RELATIONS",
    "SATISFACTION_LEVELS",
    "address",
    "chinese_numeral",
    "consultation",
    "consultation_count",
    "escalation_reason",
    "grid_name",
    "household_head_relation",
    "id_check_digit",
    "id_number",
    "note_text",
    "person_name",
    "phone_number",
    "rating_comment",
    "request_template_count",
    "request_text",
    "resolution_text",
    "return_reason",
]


def _undefined_slots() -> list[str]:
    """Slots some template uses but no slot table it is filled against defines."""
    return [
        *requests.undefined_slots(),
        *cadre.undefined_slots(),
        *ratings.undefined_slots(),
        *consultations.undefined_slots(),
    ]
