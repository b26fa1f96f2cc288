"""The villages of a township, as the submit form's <select> asks for them."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jiceng.cases import public


@require_GET
def villages(request: HttpRequest) -> HttpResponse:
    """The village <option>s of one township, for the HTMX picker."""
    township = request.GET.get("township", "")
    found = public.villages(township, public.deployment_counties()) if township else []
    return render(request, "web/portal/_village_options.html", {"villages": found})
