"""The root-cause report page (issue 17 item 4)."""

from __future__ import annotations

from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from jiceng.campaigns.report import root_cause_report
from jiceng.core import clock
from jiceng.web.workbench.access import acting_user, staff_required


def _month(value: str) -> date:
    """``YYYY-MM``, or this month when absent or malformed."""
    try:
        year, month = (int(part) for part in value.split("-"))
        return date(year, month, 1)
    except ValueError:
        return timezone.localtime(clock.now()).date().replace(day=1)


@staff_required
@require_GET
def root_causes(request: HttpRequest) -> HttpResponse:
    month = _month(request.GET.get("month", ""))
    rows = root_cause_report(acting_user(request), month)
    context = {"rows": rows, "month": month, "total": sum(row.count for row in rows)}
    return render(request, "campaigns/root_causes.html", context)
