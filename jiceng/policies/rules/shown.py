"""Stored reasons in the reader's language.

A matching run stores each person's reasons as words of the language it ran in (the
worker's, zh-Hans by default), and older runs wrote conditions as expressions
("年龄 >= 65"). A reason is shown by finding the condition of the policy's rule that
wrote it, in any language and either wording, and saying that condition again in the
language of the request. A reason no condition of the current rule wrote (the rule
changed since) is shown as it was stored.
"""

from __future__ import annotations

import json
from functools import lru_cache

from django.conf import settings
from django.utils import translation

from jiceng.policies.rules.fields import FIELDS, Rule
from jiceng.policies.rules.walking import leaves
from jiceng.policies.rules.words import describe

# Labels that were worded otherwise in English before (Chinese inside an English label).
OLDER_LABELS = {"dibao": "低保 family"}


def _older_wording(leaf: Rule) -> str:
    """How conditions were worded before they had sentences: "age >= 80"."""
    label, kind, _path = FIELDS[leaf["field"]]
    if kind == "number":
        return f"{label} {leaf['op']} {leaf['value']}"
    if kind == "division":
        return f"{label} {leaf['value']}"
    if leaf["field"] in OLDER_LABELS and leaf["value"] is True:
        return OLDER_LABELS[leaf["field"]]
    return describe(leaf)


@lru_cache(maxsize=128)
def _wordings(rule_json: str) -> dict[str, int]:
    """Every stored wording of each condition → the condition's place among the leaves."""
    found: dict[str, int] = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for index, leaf in enumerate(leaves(json.loads(rule_json))):
                found.setdefault(_older_wording(leaf), index)
                found.setdefault(describe(leaf), index)
    return found


def shown_reasons(rule: Rule, stored: list[str]) -> list[str]:
    """``stored`` (reasons saved with an outreach item) in the active language."""
    rule_json = json.dumps(rule, sort_keys=True, ensure_ascii=False)
    wordings, conditions = _wordings(rule_json), leaves(rule)
    return [describe(conditions[wordings[text]]) if text in wordings else text for text in stored]
