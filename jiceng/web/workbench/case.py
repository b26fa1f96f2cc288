"""The case page: everything it draws, and its text masked unless revealed."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from jiceng.cases import catalogue, reopened, rules, selectors
from jiceng.cases.households import priority_mark
from jiceng.cases.models import Case
from jiceng.core import clock, pii
from jiceng.core.crypto import mask_name, mask_phone
from jiceng.core.errors import InvalidInput
from jiceng.notices import inbox
from jiceng.people.models import User
from jiceng.web.workbench import display, notice_lines, reopen
from jiceng.web.workbench.access import acting_user, staff_required, visible_case
from jiceng.web.workbench.forms.actions import action_form
from jiceng.web.workbench.forms.base import WorkbenchForm
from jiceng.web.workbench.forms.reveal import RevealForm
from jiceng.web.workbench.targets import ALL, dispatch_chooser
from jiceng.web.workbench.timeleft import case_due


def _dispatch_options(user: User, case: Case, selected: str, everything: bool) -> dict[str, Any]:
    try:
        proposed = catalogue.proposed_unit(category=case.category, location_code=case.division_id)
    except InvalidInput:
        proposed = None
    chooser = dispatch_chooser(
        user, place=case.division_id, selected=selected, everything=everything
    )
    all_url = f"{reverse('workbench:case', args=[case.number])}?units={ALL}#h-actions"
    return {"proposed": proposed, "chooser": chooser, "all_url": all_url, "all_units": everything}


def case_context(
    user: User,
    case: Case,
    *,
    bound: dict[str, WorkbenchForm] | None = None,
    notice: str = "",
    error: str = "",
    reveal_form: RevealForm | None = None,
    revealed: str = "",
    all_units: bool = False,
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
        "reopen_mark": reopen.reopen_mark(case.reopen_count),
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
        "text": case_text(case, clear=bool(revealed)),
        "photos": list(case.attachments.all()),
        "notices": notice_lines.lines(inbox.case_messages(case.pk)),
        "priority": priority_mark(user, case),
    }
    if rules.DISPATCH in actions:
        selected = str(forms[rules.DISPATCH]["unit"].value() or "")
        context.update(_dispatch_options(user, case, selected, all_units))
    return context


@staff_required
@require_GET
def case_page(request: HttpRequest, number: str) -> HttpResponse:
    user = acting_user(request)
    case = visible_case(user, number)
    everything = request.GET.get("units") == ALL
    context = case_context(user, case, all_units=everything)
    return render(request, "web/workbench/case.html", context)


def case_text(case: Case, *, clear: bool) -> dict[str, str]:
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
