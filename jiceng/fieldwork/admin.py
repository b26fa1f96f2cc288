"""Visits in the admin: read-only, plus the burden measure as a product-health figure."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.fieldwork.burden import burden_by_month
from jiceng.fieldwork.models import Visit


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
