"""The cadre's queue: my cases or my area's, filtered, searched, fifty a page."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from jiceng.cases import selectors
from jiceng.cases.models import Category
from jiceng.core import clock
from jiceng.people.models import User
from jiceng.places.models import Division
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required
from jiceng.web.workbench.forms.queue import MINE, QueueFilterForm
from jiceng.web.workbench.queue_rows import queue_rows

PAGE_SIZE = 50


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
        "rows": queue_rows(page, now),
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
