"""How often each kind of vulnerable household should be visited."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy

from jiceng.people import health

# How often each kind of vulnerable household should be visited, in months.
# Override per deployment with JICENG_VISIT_INTERVAL_MONTHS in settings.
DEFAULT_INTERVALS: dict[str, int] = {
    "elderly_alone": 3,
    "left_behind_child": 3,
    "extreme_poverty": 3,
    "disability": 6,
    "dibao": 6,
}
KIND_LABELS = {
    "elderly_alone": gettext_lazy("elderly living alone"),
    "left_behind_child": gettext_lazy("left-behind child"),
    "extreme_poverty": gettext_lazy("extreme poverty support"),
    # Health marks are not named on lists that township staff also see.
    "disability": gettext_lazy("protected care need"),
    "dibao": gettext_lazy("minimum living allowance family"),
}
MEMBER_KINDS = ("elderly_alone", "left_behind_child", "extreme_poverty")
HEALTH_KINDS = health.HEALTH_FLAGS
ALL_KINDS = (*MEMBER_KINDS, *HEALTH_KINDS, "dibao")


def intervals() -> dict[str, int]:
    return {**DEFAULT_INTERVALS, **getattr(settings, "JICENG_VISIT_INTERVAL_MONTHS", {})}
