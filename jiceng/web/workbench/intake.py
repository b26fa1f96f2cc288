"""Intake at the dispatcher's desk: the quarantine, the category proposal, likely duplicates.

The quarantine lists the requests the spam check held back, for a dispatcher to
release or confirm. A submitted request's intake panel (on its case page, loaded
by HTMX or opened as a page of its own) proposes a category and its owning unit,
lists the open and recent requests that say the same thing, and merges into one
of them in one click. Every write calls one service.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases import intake, rules, selectors, services
from jiceng.cases.models import Case, CaseEvent, Category, EventKind, State
from jiceng.cases.permissions import visible_cases
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.web.workbench import display
from jiceng.web.workbench.access import acting_user, dispatcher_required, is_htmx, visible_case
from jiceng.web.workbench.forms import WorkbenchForm, clean_unit, needed

QUARANTINE_PAGE = 100
RECENT_SPAM = 20


# --- the quarantine --------------------------------------------------------------------------


def _quarantined(user: User) -> QuerySet[Case]:
    """Quarantined requests the user's dispatch centre holds, newest first."""
    return (
        visible_cases(user)
        .filter(state=State.QUARANTINED, owner_id=user.unit_id)
        .select_related("category", "division__parent")
        .order_by("-submitted_at", "-pk")
    )


def _with_verdicts(cases: list[Case]) -> list[tuple[Case, dict[str, Any]]]:
    """Each case with the score and reasons its quarantine event recorded (one query)."""
    events = CaseEvent.objects.filter(case__in=cases, kind=EventKind.QUARANTINE).values_list(
        "case_id", "data"
    )
    verdicts = {case_id: data or {} for case_id, data in events}
    return [(case, verdicts.get(case.pk, {})) for case in cases]


@dispatcher_required
@require_GET
def quarantine(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    held = _quarantined(user)
    waiting = list(held.filter(closed_at__isnull=True)[:QUARANTINE_PAGE])
    confirmed = list(held.filter(closed_at__isnull=False).order_by("-closed_at")[:RECENT_SPAM])
    context = {
        "waiting": _with_verdicts(waiting),
        "waiting_total": held.filter(closed_at__isnull=True).count(),
        "confirmed": confirmed,
        "page_size": QUARANTINE_PAGE,
    }
    return render(request, "web/workbench/quarantine.html", context)


QUARANTINE_ACTIONS = {"release", "spam"}


@dispatcher_required
@require_POST
def quarantine_act(request: HttpRequest, number: str, action: str) -> HttpResponse:
    """Release a held request to the queue, or confirm it as spam (kept, never deleted)."""
    if action not in QUARANTINE_ACTIONS:
        raise Http404
    user = acting_user(request)
    case = visible_case(user, number)
    try:
        if action == "release":
            services.case_release(case=case, by=user)
            notice = _("Case %(number)s is released and waits in your queue for dispatch.")
        else:
            services.case_confirm_spam(case=case, by=user)
            notice = _("Case %(number)s is confirmed as spam. It is kept, closed, in the records.")
    except NotAllowed as error:
        raise PermissionDenied(error.message) from None
    except (IllegalTransition, Conflict) as error:
        messages.error(request, error.message)
    else:
        messages.success(request, notice % {"number": case.number})
    return redirect(reverse("workbench:quarantine"))


# --- the intake panel of a submitted request ---------------------------------------------


class ClassifiedDispatchForm(WorkbenchForm):
    category = forms.ChoiceField(
        label=gettext_lazy("Category"),
        error_messages=needed(gettext_lazy("Choose the category of the problem.")),
    )
    unit = forms.CharField(label=gettext_lazy("Send to"), required=False)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, prefix="intake", **kwargs)
        self.user = user
        self.categories = {c.code: c for c in Category.objects.filter(active=True)}
        self.fields["category"].choices = [(c.code, c.name) for c in self.categories.values()]

    def clean_unit(self) -> Any:
        return clean_unit(self.user, self.cleaned_data["unit"])

    def category_object(self) -> Category:
        return self.categories[self.cleaned_data["category"]]


def _can_take(user: User, case: Case) -> bool:
    return rules.DISPATCH in selectors.available_actions(user, case)


def _panel_context(
    user: User, case: Case, *, form: ClassifiedDispatchForm | None = None, **extra: Any
) -> dict[str, Any]:
    text = intake.case_text(case.title, case.description)
    proposal = intake.propose(text, case.division_id)
    if form is None:
        chosen = proposal.top.code if proposal else case.category_id
        form = ClassifiedDispatchForm(initial={"category": chosen}, user=user)
    groups = display.unit_groups(selectors.dispatch_targets(user))
    selected = str(form["unit"].value() or "")
    return {
        "case": case,
        "proposal": proposal,
        "form": form,
        "unit_options": display.unit_options(groups, selected),
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
    return _render_panel(request, _panel_context(user, case))


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


# --- the desk: a proposal while the dispatcher types ------------------------------------------


@dispatcher_required
@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    """Categories the model proposes for the description typed so far (an HTMX partial)."""
    description = request.GET.get("description", "")[:5000]
    village = request.GET.get("village", "")
    user = acting_user(request)
    location = village if village.startswith(user.jurisdiction) else ""
    context = {
        "proposal": intake.propose(description, location) if description.strip() else None,
        "has_model": intake.category_model() is not None,
        "typed": bool(description.strip()),
    }
    return render(request, "web/workbench/_suggest.html", context)
