"""Admin of the personal-data access log: read-only, exported as CSV for an audit."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _

from jiceng.core.admin import ReadOnlyAdmin
from jiceng.core.exports import CellValue, Column, csv_bytes
from jiceng.people.models import AccessLog


@admin.register(AccessLog)
class AccessLogAdmin(ReadOnlyAdmin):
    list_display = ["at", "user", "resident", "field", "reason", "case"]
    list_filter = ["field"]
    list_select_related = ["user", "case", "resident"]
    date_hierarchy = "at"
    actions = ["export_csv"]

    @admin.action(description=_("Export selected entries as CSV"))
    def export_csv(self, request: HttpRequest, queryset: QuerySet[AccessLog]) -> HttpResponse:
        columns = [Column(str(_(name))) for name in ("at", "user", "resident", "field", "reason")]
        rows: list[list[CellValue]] = [
            [entry.at.isoformat(), str(entry.user), entry.resident_id, entry.field, entry.reason]
            for entry in queryset.select_related("user")
        ]
        response = HttpResponse(csv_bytes(columns=columns, rows=rows), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="access-log.csv"'
        return response
