"""The attributes a rule may test: label, kind and database path of each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy

from jiceng.people import health

NUMBER_OPS = (">=", "<=", ">", "<", "==")
# field -> (label, kind, database path)
FIELDS: dict[str, tuple[Any, str, str]] = {
    "age": (gettext_lazy("age"), "number", "birth_date"),
    "elderly_alone": (gettext_lazy("elderly living alone"), "flag", "elderly_alone"),
    "left_behind_child": (gettext_lazy("left-behind child"), "flag", "left_behind_child"),
    "disability": (gettext_lazy("disability"), "flag", "health"),
    "extreme_poverty": (gettext_lazy("extreme poverty support"), "flag", "extreme_poverty"),
    "veteran": (gettext_lazy("veteran"), "flag", "veteran"),
    "in_school": (gettext_lazy("in school"), "flag", "in_school"),
    "dibao": (gettext_lazy("minimum living allowance family"), "flag", "household__dibao"),
    "hukou": (gettext_lazy("registered in"), "division", "hukou"),
}
# Encrypted marks: evaluated in Python, and never named in stored or shown reasons.
HEALTH_FIELDS = frozenset(health.HEALTH_FLAGS)
PROTECTED_REASON = gettext_lazy("a protected health condition")
MAX_DEPTH = 4
Rule = Mapping[str, Any]
