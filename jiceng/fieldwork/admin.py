"""Visits in the admin: read-only, plus the burden measure as a product-health figure."""

from __future__ import annotations

import statistics
from collections import defaultdict
from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.fieldwork.models import Visit


def burden_by_month() -> list[tuple[str, float, float]]:
    """Median typed and prefilled fields per visit, per month — never per person."""
    months: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for day, typed, prefilled in Visit.objects.values_list(
        "visited_on", "typed_fields", "prefilled_fields"
    ):
        months[f"{day:%Y-%m}"].append((typed, prefilled))
    return [
        (
            month,
            statistics.median(t for t, _p in pairs),
            statistics.median(p for _t, p in pairs),
        )
        for month, pairs in sorted(months.items())[-6:]
    ]


@admin.register(Visit)
class VisitAdmin(ReadOnlyAdmin):
    list_display = ["visited_on", "village", "place_kind", "follow_up_on", "case"]
    list_filter = ["place_kind"]
    date_hierarchy = "visited_on"

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        for month, typed, prefilled in burden_by_month():
            messages.info(
                request,
                _("%(month)s: median %(typed)s typed, %(prefilled)s prefilled fields per visit")
                % {"month": month, "typed": typed, "prefilled": prefilled},
            )
        return super().changelist_view(request, extra_context)
