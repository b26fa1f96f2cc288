"""A file sent to the browser to save: the one place that names Excel's content type."""

from __future__ import annotations

from django.http import HttpResponse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def attachment(content: bytes, name: str, content_type: str = XLSX) -> HttpResponse:
    """``content`` as a download called ``name`` (ASCII: callers build it from codes)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
