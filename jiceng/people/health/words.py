"""Health marks in words, for someone allowed to see them in clear."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.people.health.marks import HEALTH_FLAGS, HealthFlags

LABELS = {"disability": gettext_lazy("disability")}


def describe(flags: HealthFlags) -> str:
    """The marks in words, for someone allowed to see them in clear."""
    if not flags:
        return _("none recorded")
    return "、".join(str(LABELS[name]) for name in HEALTH_FLAGS if name in flags)
