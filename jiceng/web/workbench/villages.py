"""The villages of one township in the user's area, as a <select> for filters and the desk."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jiceng.cases import selectors
from jiceng.places.models import Level
from jiceng.web.workbench.access import acting_user, staff_required


@staff_required
@require_GET
def villages(request: HttpRequest) -> HttpResponse:
    """The <select> of villages of one township in the user's area (for filters and the desk)."""
    user = acting_user(request)
    township = request.GET.get("township", "")
    if township and selectors.place_in_jurisdiction(user, township, Level.TOWNSHIP) is None:
        raise Http404
    places = list(selectors.jurisdiction_villages(user, township)) if township else []
    purpose = "desk" if request.GET.get("for") == "desk" else "filter"
    return render(
        request,
        "web/workbench/_villages.html",
        {"villages": places, "purpose": purpose, "selected": "", "township": township},
    )
