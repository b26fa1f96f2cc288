"""The onboarding workbook to download: the empty template, or the county's set-up as it stands."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from jiceng.core.exports.download import attachment
from jiceng.onboarding.export import export_bytes
from jiceng.onboarding.scope import county_of_request
from jiceng.onboarding.workbook import template_bytes


@login_required
@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    county_of_request(request)
    return attachment(template_bytes(), "county-onboarding-template.xlsx")


@login_required
@require_GET
def export_download(request: HttpRequest) -> HttpResponse:
    county = county_of_request(request)
    return attachment(export_bytes(county), f"county-{county.code}.xlsx")
