"""Acting on a case from its page: one small form per action, each calling one service.

Without JavaScript a form posts, and the browser is sent back to the case page
with a message. With HTMX the case panel and its timeline are swapped in place,
with the confirmation focused for screen readers.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.cases import rules, selectors
from jiceng.cases.models import Case, State
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, NotAllowed
from jiceng.web.workbench.access import acting_user, is_htmx, staff_required, visible_case
from jiceng.web.workbench.case import case_context
from jiceng.web.workbench.forms.actions import action_form
from jiceng.web.workbench.forms.base import WorkbenchForm
from jiceng.web.workbench.perform import PERFORM


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
