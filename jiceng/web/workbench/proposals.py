"""The desk's live help while the dispatcher types: proposed categories, proposed unit.

Both are HTMX partials; the dispatcher's choice always wins over the proposal.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jiceng.cases import catalogue, intake, selectors
from jiceng.cases.models import Category
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, User
from jiceng.places.models import Level
from jiceng.web.workbench.access import acting_user, dispatcher_required
from jiceng.web.workbench.targets import ALL, dispatch_chooser


@dispatcher_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """Categories the model proposes for the description typed so far (an HTMX partial)."""
    description = request.GET.get("description", "")[:5000]
    village = request.GET.get("village", "")
    user = acting_user(request)
    location = village if village.startswith(user.jurisdiction) else ""
    context = {
        "proposal": intake.propose(description, location) if description.strip() else None,
        "has_model": intake.category_model() is not None,
        "typed": bool(description.strip()),
    }
    return render(request, "web/workbench/_suggest.html", context)


def _proposal(user: User, category_code: str, township: str, village: str) -> Unit | None:
    """The catalogue's proposal for a category in a village of the county, once both are chosen."""
    if not category_code or not village or (township and not village.startswith(township)):
        return None
    category = Category.objects.filter(code=category_code, active=True).first()
    place = selectors.place_in_jurisdiction(user, village, Level.VILLAGE)
    if category is None or place is None:
        return None
    try:
        return catalogue.proposed_unit(category=category, location_code=place.code)
    except InvalidInput:
        return None


def proposal_context(user: User, values: dict[str, Any]) -> dict[str, Any]:
    get = lambda name: str(values.get(name) or "")  # noqa: E731
    return {
        "proposed": _proposal(user, get("category"), get("township"), get("village")),
        "chooser": dispatch_chooser(
            user,
            place=get("village") or get("township"),
            selected=get("unit"),
            everything=get("units") == ALL,
        ),
        "all_box": True,
    }


@dispatcher_required
@require_GET
def proposal(request: HttpRequest) -> HttpResponse:
    """The catalogue's proposed unit for the category and village chosen so far; the override."""
    context = proposal_context(acting_user(request), request.GET.dict())
    return render(request, "web/workbench/_proposal.html", context)
