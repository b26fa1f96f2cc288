"""The intake panel of a submitted request, on its case page or as a page of its own.

It proposes a category and its owning unit, lists the open and recent requests that say
the same thing, and merges into one of them in one click. Every write calls one service.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases import intake, rules, selectors, services
from jiceng.cases.models import Case
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, dispatcher_required, is_htmx, visible_case
from jiceng.web.workbench.forms.intake import ClassifiedDispatchForm
from jiceng.web.workbench.targets import ALL, dispatch_chooser


def _can_take(user: User, case: Case) -> bool:
    return rules.DISPATCH in selectors.available_actions(user, case)


def _panel_context(
    user: User,
    case: Case,
    *,
    form: ClassifiedDispatchForm | None = None,
    everything: bool = False,
    **extra: Any,
) -> dict[str, Any]:
    text = intake.case_text(case.title, case.description)
    proposal = intake.propose(text, case.division_id)
    if form is None:
        chosen = proposal.top.code if proposal else case.category_id
        form = ClassifiedDispatchForm(initial={"category": chosen}, user=user)
    selected = str(form["unit"].value() or "")
    case_url = reverse("workbench:case", args=[case.number])
    return {
        "case": case,
        "proposal": proposal,
        "form": form,
        "proposed": proposal.unit if proposal else None,
        "chooser": dispatch_chooser(
            user, place=case.division_id, selected=selected, everything=everything
        ),
        "all_url": f"{case_url}?units={ALL}#h-actions",
        "duplicates": intake.likely_duplicates(user, case),
        "can_take": _can_take(user, case),
        **extra,
    }


def _render_panel(request: HttpRequest, context: dict[str, Any], status: int = 200) -> HttpResponse:
    if is_htmx(request):
        # HTMX swaps only successful responses; the form's errors are the content to show.
        return render(request, "web/workbench/_intake.html", context)
    return render(request, "web/workbench/intake.html", context, status=status)


@dispatcher_required
@require_GET
def panel(request: HttpRequest, number: str) -> HttpResponse:
    user = acting_user(request)
    case = visible_case(user, number)
    if not _can_take(user, case):
        return _render_panel(request, {"case": case, "can_take": False})
    everything = request.GET.get("units") == ALL
    return _render_panel(request, _panel_context(user, case, everything=everything))


def _back_to_case(
    request: HttpRequest, case: Case, *, notice: str = "", error: str = ""
) -> HttpResponse:
    """After acting, show the whole case page again: its state, owner and actions changed."""
    if error:
        messages.error(request, error)
    else:
        messages.success(request, notice)
    url = reverse("workbench:case", args=[case.number])
    if is_htmx(request):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


@dispatcher_required
@require_POST
def dispatch(request: HttpRequest, number: str) -> HttpResponse:
    """Dispatch with the category the dispatcher confirmed (or chose instead of the proposal)."""
    user = acting_user(request)
    case = visible_case(user, number)
    if not _can_take(user, case):
        return _back_to_case(
            request, case, error=_("The case can no longer be dispatched from here.")
        )
    form = ClassifiedDispatchForm(request.POST, user=user)
    if not form.is_valid():
        return _render_panel(request, _panel_context(user, case, form=form), status=400)
    proposal = intake.propose(intake.case_text(case.title, case.description), case.division_id)
    top = [(g.category.code, g.probability) for g in proposal.guesses] if proposal else []
    try:
        services.case_dispatch_classified(
            case=case,
            by=user,
            category=form.category_object(),
            unit=form.cleaned_data["unit"],
            proposed=top,
        )
    except InvalidInput as error:
        case = visible_case(user, number)  # the failed transition left the object changed
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return _render_panel(request, _panel_context(user, case, form=form), status=400)
    except (IllegalTransition, Conflict) as error:
        return _back_to_case(request, case, error=error.message)
    return _back_to_case(
        request, case, notice=_("Dispatched to %(unit)s") % {"unit": case.owner.name}
    )


@dispatcher_required
@require_POST
def merge(request: HttpRequest, number: str) -> HttpResponse:
    """Merge this request into a likely duplicate (one click; a page asks first without JS)."""
    user = acting_user(request)
    case = visible_case(user, number)
    try:
        into = selectors.case_detail(user, request.POST.get("into", "").strip())
    except NotAllowed:
        raise Http404(_("No such case in your area.")) from None
    if request.POST.get("confirmed") != "1":
        return render(request, "web/workbench/intake_merge.html", {"case": case, "into": into})
    try:
        services.case_merge(case=case, into=into, by=user)
    except NotAllowed as error:
        raise PermissionDenied(error.message) from None
    except (IllegalTransition, Conflict, InvalidInput) as error:
        return _back_to_case(request, case, error=error.message)
    notice = _("Merged into case %(number)s") % {"number": into.number}
    return _back_to_case(request, case, notice=notice)
