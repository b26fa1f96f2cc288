"""Revealing the resident's phone of a case to the owning unit, for a reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from jiceng.cases import selectors
from jiceng.cases.models import Case
from jiceng.core.crypto import mask_name, mask_phone
from jiceng.people.services import case_text_reveal, resident_reveal
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required, visible_case
from jiceng.web.workbench.case import case_context, case_text
from jiceng.web.workbench.forms.reveal import RevealForm


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
        context = {"revealed": phone, **_contact(case), "text": case_text(case, clear=True)}
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
