"""Reporting a problem: the portal's home, the submit form and its confirmation."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from jiceng.cases import admission, public
from jiceng.cases.models import (
    Case,
    Channel,
)
from jiceng.cases.services import case_attach_photo, case_submit, time_limit_for
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.core.proxy import client_address
from jiceng.web.portal import session, wording
from jiceng.web.portal.forms import (
    SERVICE_FIELDS,
    FollowForm,
    SubmitForm,
    category_label,
)
from jiceng.web.portal.session import follow_redirect, follow_url


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/portal/home.html", {"follow_form": FollowForm()})


# --- submit ----------------------------------------------------------------------------------


def _submit_form(request: HttpRequest) -> SubmitForm:
    counties = public.deployment_counties()
    data = request.POST if request.method == "POST" else None
    # Without JavaScript the village list is filled when the form comes back with a township.
    township = data.get("township", "") if data is not None else ""
    return SubmitForm(
        data,
        request.FILES if data is not None else None,
        categories=public.categories(),
        townships=public.townships(counties),
        villages=public.villages(township, counties) if township else [],
    )


def _create_case(request: HttpRequest, form: SubmitForm) -> Case | None:
    data = form.cleaned_data
    try:
        return admission.admit(
            address=client_address(request),
            phone=data["phone"],
            submit=lambda: _submit_case(data),
        )
    except admission.Refused as refused:
        form.add_error(None, refused.message)
    except InvalidInput as error:
        form.add_error(SERVICE_FIELDS.get(error.field or ""), error.message)
    return None


def _submit_case(data: dict[str, Any]) -> Case:
    # The photo is checked after the case exists; a bad one undoes the case too.
    case = case_submit(
        category=data["category"],
        description=data["description"],
        division_code=data["village"],
        address=data["address"],
        contact_phone=data["phone"],
        contact_name=data["name"],
        channel=Channel.WEB,
        by=None,
    )
    if data["photo"]:
        case_attach_photo(case=case, file=data["photo"])
    return case


@require_http_methods(["GET", "POST"])
def submit(request: HttpRequest) -> HttpResponse:
    form = _submit_form(request)
    if form.is_bound:
        case = _create_case(request, form) if form.is_valid() else None
        if case is not None and case.number:
            session.remember(request, case.number)
            return redirect("portal:submitted", number=case.number)
    return render(request, "web/portal/submit.html", _submit_context(form))


def _submit_context(form: SubmitForm) -> dict[str, Any]:
    chosen = str(form["category"].value() or "")
    tiles = [
        {"code": c.code, "icon": c.icon, "label": category_label(c), "checked": c.code == chosen}
        for c in form.categories.values()
    ]
    photo_lost = form.is_bound and bool(form.files.get("photo")) and bool(form.errors)
    return {"form": form, "tiles": tiles, "photo_lost": photo_lost}


@require_GET
def submitted(request: HttpRequest, number: str) -> HttpResponse:
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None:
        return follow_redirect(number)
    limit = time_limit_for(case)
    now = clock.now()
    return render(
        request,
        "web/portal/submitted.html",
        {
            "case": case,
            "category": category_label(case.category),
            "limit": wording.limit_words(limit),
            "resolve_by": wording.when(case.resolve_by, now) if case.resolve_by else "",
            "follow_url": follow_url(case.number or ""),
        },
    )
