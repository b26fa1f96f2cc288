"""The cadre workbench: the queue, the case page, its photos, revealing a phone, villages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases import catalogue, reopened, rules, selectors
from jiceng.cases.models import Case, Category, State, Urgency
from jiceng.core import clock, pii
from jiceng.core.crypto import mask_name, mask_phone
from jiceng.core.errors import InvalidInput
from jiceng.notices import inbox
from jiceng.people.models import User
from jiceng.people.services import case_text_reveal, resident_reveal
from jiceng.places.models import Division, Level
from jiceng.web.workbench import display, notices
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required, visible_case
from jiceng.web.workbench.forms import MINE, QueueFilterForm, RevealForm, WorkbenchForm, action_form
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


# --- the case page -------------------------------------------------------------------------


def _dispatch_options(user: User, case: Case, selected: str) -> dict[str, Any]:
    try:
        proposed = catalogue.proposed_unit(category=case.category, location_code=case.division_id)
    except InvalidInput:
        proposed = None
    groups = display.unit_groups(selectors.dispatch_targets(user))
    return {"proposed": proposed, "unit_options": display.unit_options(groups, selected)}


def case_context(
    user: User,
    case: Case,
    *,
    bound: dict[str, WorkbenchForm] | None = None,
    notice: str = "",
    error: str = "",
    reveal_form: RevealForm | None = None,
    revealed: str = "",
) -> dict[str, Any]:
    """Everything the case page and its HTMX panel draw.

    Its text is shown masked (``core.pii``) unless ``revealed``: the owning unit's
    logged reveal shows the phone and the text as typed together.
    """
    actions = selectors.available_actions(user, case)
    bound = bound or {}
    forms = {action: bound.get(action) or action_form(action, user) for action in actions}
    resident = case.resident
    events = selectors.case_timeline(case)
    reopening = reopened.last_reopening(events)
    context: dict[str, Any] = {
        "case": case,
        "due": case_due(case, clock.now()),
        "entries": display.timeline(events),
        "reopening": reopening,
        "reopen_mark": display.reopen_mark(case.reopen_count),
        "answer": reopened.current_answer(case, reopening),
        "actions": actions,
        "forms": forms,
        "open_action": next(iter(bound), ""),
        "notice": notice,
        "error": error,
        "can_reveal": selectors.can_reveal(user, case),
        "reveal_form": reveal_form or RevealForm(prefix="reveal"),
        "revealed": revealed,
        "resident_name": mask_name(resident.name) if resident else "",
        "resident_phone": mask_phone(resident.phone) if resident else "",
        "text": _case_text(case, clear=bool(revealed)),
        "photos": list(case.attachments.all()),
        "notices": notices.lines(inbox.case_messages(case.pk)),
    }
    if rules.DISPATCH in actions:
        selected = str(forms[rules.DISPATCH]["unit"].value() or "")
        context.update(_dispatch_options(user, case, selected))
    return context


@staff_required
@require_GET
def case_page(request: HttpRequest, number: str) -> HttpResponse:
    user = acting_user(request)
    case = visible_case(user, number)
    return render(request, "web/workbench/case.html", case_context(user, case))


@staff_required
@require_GET
def photo(request: HttpRequest, number: str, pk: int) -> HttpResponse:
    """A photo sent with a case, for staff who may see the case; never served publicly."""
    case = visible_case(acting_user(request), number)
    # Looked up through the visible case: another case's photo id is a 404, like its case.
    attachment = case.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=attachment.content_type)
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@staff_required
@require_POST
def reveal(request: HttpRequest, number: str) -> HttpResponse:
    """Show the resident's phone to the owning unit, for a stated reason; the look is logged."""
    user = acting_user(request)
    case = visible_case(user, number)
    if not selectors.can_reveal(user, case):
        raise PermissionDenied
    form = RevealForm(request.POST, prefix="reveal")
    if not form.is_valid():
        if is_htmx(request):
            return render(
                request, "web/workbench/_contact.html", {"reveal_form": form, **_contact(case)}
            )
        context = case_context(user, case, reveal_form=form)
        return render(request, "web/workbench/case.html", context, status=400)
    assert case.resident is not None
    with transaction.atomic():
        phone = resident_reveal(
            resident=case.resident, field="phone", by=user, reason=form.reason_text(), case=case
        )
        case_text_reveal(case=case, by=user, reason=form.reason_text())
    if is_htmx(request):
        context = {"revealed": phone, **_contact(case), "text": _case_text(case, clear=True)}
        return render(request, "web/workbench/_contact.html", {**context, "swap_text": True})
    return render(request, "web/workbench/case.html", case_context(user, case, revealed=phone))


def _contact(case: Case) -> dict[str, Any]:
    resident = case.resident
    return {
        "case": case,
        "can_reveal": True,
        "resident_name": mask_name(resident.name) if resident else "",
        "resident_phone": mask_phone(resident.phone) if resident else "",
    }


def _case_text(case: Case, *, clear: bool) -> dict[str, str]:
    """The case's title, description and address: as typed, or masked (the resident's own
    stored name too, wherever the text repeats it)."""
    if clear:
        return {"title": case.title, "description": case.description, "address": case.address}
    names = [case.resident.name] if case.resident is not None else []
    return {
        "title": pii.mask_text(case.title, names=names),
        "description": pii.mask_text(case.description, names=names),
        "address": pii.mask_address(case.address, names=names),
    }


# --- places partial ------------------------------------------------------------------------


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
