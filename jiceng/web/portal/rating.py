"""Rating the answer, and stopping or restarting the text messages, from the case page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.cases import public
from jiceng.cases.models import (
    Case,
    RatingSource,
    Satisfaction,
)
from jiceng.cases.services import case_rate
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput
from jiceng.web.portal import session
from jiceng.web.portal.case_page import case_page
from jiceng.web.portal.forms import (
    SERVICE_FIELDS,
    RateForm,
)
from jiceng.web.portal.session import follow_redirect


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    number = request.POST.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None:
        messages.error(request, _("Enter your case number and phone digits first."))
        return follow_redirect(number)
    form = RateForm(request.POST)
    if not form.is_valid():
        return case_page(request, case, form)
    try:
        case_rate(
            case=case,
            solved=form.cleaned_data["solved"] == "yes",
            satisfaction=form.cleaned_data["satisfaction"],
            comment=form.cleaned_data["comment"],
            source=RatingSource.LINK,
            by=None,
        )
    except InvalidInput as error:
        form.add_error(SERVICE_FIELDS.get(error.field or ""), error.message)
        return case_page(request, case, form)
    except (IllegalTransition, Conflict) as error:
        messages.error(request, _refused(case) or error.message)
        return follow_redirect(number)
    messages.success(
        request, _thanks(public.followed_case(case), form.cleaned_data["satisfaction"])
    )
    return follow_redirect(number)


def _refused(case: Case) -> str:
    """Why a rating was refused, in the resident's words, when it was already given."""
    case.refresh_from_db()
    if public.current_rating(case, public.followed_case(case)) is None:
        return ""
    return _(
        "You have already rated this answer, and each answer is rated once. If the problem "
        "comes back, call the hotline or make a new request."
    )


def _thanks(case: Case, satisfaction: str) -> str:
    if satisfaction == Satisfaction.UNSATISFIED:
        return _(
            "Thank you. Because you were not satisfied, your request has been reopened: "
            "%(unit)s has it now and will contact you again."
        ) % {"unit": case.owner.name}
    return _("Thank you for your rating. Your request is now closed.")
