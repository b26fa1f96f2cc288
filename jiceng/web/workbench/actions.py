"""Acting on a case from its page: one small form per action, each calling one service.

Without JavaScript a form posts, and the browser is sent back to the case page
with a message. With HTMX the case panel and its timeline are swapped in place,
with the confirmation focused for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.cases import rules, selectors, services
from jiceng.cases.models import Case, Satisfaction, State
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required, visible_case
from jiceng.web.workbench.forms import WorkbenchForm, action_form
from jiceng.web.workbench.views import case_context

Perform = Callable[[Case, User, dict[str, Any]], str]


def _accept(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_accept(case=case, by=user)
    return _("Accepted")


def _resolve(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_resolve(
        case=case,
        by=user,
        answer=data["answer"],
        root_cause=data.get("root_cause") or "",
        root_cause_text=data.get("root_cause_text") or "",
    )
    return _("Resolved. The resident will be asked to rate the result.")


def _reply(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_reply(case=case, by=user, reply=data["reply"])
    return _("Reply sent. The resident sees it on their follow page and gets a text message.")


def _escalate(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_escalate(case=case, by=user, reason=data["reason"])
    return _("Escalated to %(unit)s") % {"unit": case.owner.name}


def _return(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_return(case=case, by=user, reason=data["reason"])
    return _("Returned to the dispatch centre")


def _merge(case: Case, user: User, data: dict[str, Any]) -> str:
    try:
        into = selectors.case_detail(user, data["into"].strip())
    except NotAllowed:
        raise InvalidInput(_("No case with that number in your area."), field="into") from None
    services.case_merge(case=case, into=into, by=user)
    return _("Merged into case %(number)s") % {"number": into.number}


def _note(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_note(case=case, by=user, note=data["note"])
    return _("Note added")


def _dispatch(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_dispatch(case=case, by=user, unit=data["unit"])
    return _("Dispatched to %(unit)s") % {"unit": case.owner.name}


def _rate(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_rate(
        case=case,
        solved=data["solved"],
        satisfaction=data["satisfaction"],
        comment=data["comment"],
        by=user,
    )
    if case.state == State.MERGED:
        return _(
            "Call-back rating saved for this merged request; it counts for the resolving unit."
        )
    if data["satisfaction"] == Satisfaction.UNSATISFIED:
        return _("Call-back rating saved. The resident is not satisfied: the case was reopened.")
    return _("Call-back rating saved. The case is closed.")


def _reopen(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_reopen(case=case, by=user, reason=data["reason"])
    return _("Reopened and sent back to %(unit)s") % {"unit": case.owner.name}


PERFORM: dict[str, Perform] = {
    rules.ACCEPT: _accept,
    rules.RESOLVE: _resolve,
    rules.REPLY: _reply,
    rules.ESCALATE: _escalate,
    rules.RETURN: _return,
    rules.MERGE: _merge,
    rules.NOTE: _note,
    rules.DISPATCH: _dispatch,
    rules.RATE: _rate,
    rules.REOPEN: _reopen,
}


def _case_url(number: str) -> str:
    return reverse("workbench:case", args=[number])


def _panel(request: HttpRequest, number: str, **extra: Any) -> HttpResponse:
    """The case panel redrawn from the database, as it is now."""
    user = acting_user(request)
    try:
        case = selectors.case_detail(user, number)
    except NotAllowed:
        return render(request, "web/workbench/_case_gone.html", extra)
    return render(request, "web/workbench/_case_main.html", case_context(user, case, **extra))


def _done(request: HttpRequest, number: str, notice: str) -> HttpResponse:
    if is_htmx(request):
        return _panel(request, number, notice=notice)
    messages.success(request, notice)
    return redirect(_case_url(number))


def _stale(request: HttpRequest, number: str, message: str) -> HttpResponse:
    """Someone changed the case first: say so and show it as it is now."""
    text = _("%(message)s The page now shows the case as it is; check it and try again.") % {
        "message": message
    }
    if is_htmx(request):
        return _panel(request, number, error=text)
    messages.error(request, text)
    return redirect(_case_url(number))


def _invalid(request: HttpRequest, case: Case, action: str, form: WorkbenchForm) -> HttpResponse:
    """Show the form again with the message beside the field and what was typed."""
    context = case_context(acting_user(request), case, bound={action: form})
    if is_htmx(request):
        return render(request, "web/workbench/_case_main.html", context)
    return render(request, "web/workbench/case.html", context, status=400)


def _error_field(form: WorkbenchForm, field: str | None) -> str | None:
    return field if field in form.fields else None


@staff_required
@require_POST
def act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    if action not in PERFORM:
        raise Http404
    user = acting_user(request)
    case = visible_case(user, number)
    if not rules.permits(user, case, action):
        raise PermissionDenied(_("Your role or unit cannot do this on this case."))
    if not rules.state_allows(case, action):
        state = State(case.state).label
        message = _("The case is now %(state)s; that is no longer possible.") % {"state": state}
        return _stale(request, number, message)
    form = action_form(action, user, request.POST)
    if not form.is_valid():
        return _invalid(request, case, action, form)
    try:
        notice = PERFORM[action](case, user, form.cleaned_data)
    except InvalidInput as error:
        form.add_error(_error_field(form, error.field), error.message)
        return _invalid(request, case, action, form)
    except (IllegalTransition, Conflict) as error:
        return _stale(request, number, error.message)
    return _done(request, number, notice)
