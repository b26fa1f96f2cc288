"""A case's photos, and revealing the resident's phone to the owning unit for a reason."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases import selectors
from jiceng.cases.models import Case
from jiceng.core.crypto import mask_name, mask_phone
from jiceng.people.services import case_text_reveal, resident_reveal
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required, visible_case
from jiceng.web.workbench.case import case_context, case_text
from jiceng.web.workbench.forms.reveal import RevealForm


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
