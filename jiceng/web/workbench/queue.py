"""The cadre's queue: my cases or my area's, filtered, searched, fifty a page; villages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from jiceng.cases import selectors
from jiceng.cases.models import Case, Category, State, Urgency
from jiceng.core import clock
from jiceng.people.models import User
from jiceng.places.models import Division, Level
from jiceng.web.workbench import display
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required
from jiceng.web.workbench.forms.queue import MINE, QueueFilterForm
from jiceng.web.workbench.timeleft import CaseDue, case_due

PAGE_SIZE = 50


@dataclass(frozen=True)
class Row:
    """One line of a list, with what the template would otherwise work out fifty times."""

    case: Case
    due: CaseDue
    url: str
    state: str
    urgent: bool
    urgency: str
    reopen_mark: display.ReopenMark | None


def _rows(cases: Iterable[Case], now: datetime) -> list[Row]:
    # One reverse() for the page rather than one per row.
    prefix = reverse("workbench:case", args=["0"]).removesuffix("0/")
    return [
        Row(
            case=case,
            due=case_due(case, now),
            url=f"{prefix}{case.number}/",
            state=str(State(case.state).label),
            urgent=case.urgency == Urgency.EMERGENCY,
            urgency=str(Urgency(case.urgency).label),
            reopen_mark=display.reopen_mark(case.reopen_count),
        )
        for case in cases
    ]


def _filter_places(user: User, form: QueueFilterForm) -> tuple[list[Division], list[Division]]:
    """Townships to choose from (county-wide users) and the villages under the chosen one."""
    scope = user.jurisdiction
    if len(scope) >= 12:
        return [], []
    if len(scope) == 9:
        return [], list(selectors.jurisdiction_villages(user))
    township = form.cleaned_data.get("township", "") if form.is_valid() else ""
    townships = list(selectors.jurisdiction_townships(user))
    villages = list(selectors.jurisdiction_villages(user, township)) if township else []
    return townships, villages


@staff_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """My queue, or the cases of other units in my area; filtered, searched, fifty a page."""
    user = acting_user(request)
    categories = list(Category.objects.order_by("sort_order", "code"))
    form = QueueFilterForm(request.GET, user=user, categories=categories)
    cases = selectors.queue_cases(user) if form.tab == MINE else selectors.area_cases(user)
    # An invalid filter (e.g. a village outside the area) shows its error and no cases.
    cases = selectors.filter_cases(cases, form.filters()) if form.is_valid() else cases.none()
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    townships, villages = _filter_places(user, form)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "tab": form.tab,
        "page": page,
        "rows": _rows(page, now),
        "categories": categories,
        "townships": townships,
        "villages": villages,
        "query": query.urlencode(),
    }
    partial = is_htmx(request) and request.headers.get("HX-Target") == "queue-results"
    template = "web/workbench/_queue_results.html" if partial else "web/workbench/queue.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


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
