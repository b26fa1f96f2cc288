"""The onboarding workbook to download: the empty template, or the county's set-up as it stands."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from jiceng.onboarding.export import export_bytes
from jiceng.onboarding.views import county_of_request
from jiceng.onboarding.workbook import template_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    county_of_request(request)
    return _download(template_bytes(), "county-onboarding-template.xlsx")


@login_required
@require_GET
def export_download(request: HttpRequest) -> HttpResponse:
    county = county_of_request(request)
    return _download(export_bytes(county), f"county-{county.code}.xlsx")
