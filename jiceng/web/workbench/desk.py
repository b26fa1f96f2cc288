"""The dispatcher's desk: a phone request taken in one form, answered or dispatched at once.

While the dispatcher types, the category model proposes categories and the catalogue
proposes a unit (``proposals``); a request is dispatched with the category the dispatcher
chose recorded as confirmed, which is what the model is retrained on.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.cases import intake, selectors, services
from jiceng.cases.models import Case, Category, Channel, State
from jiceng.core.errors import InvalidInput, JicengError, NotAllowed
from jiceng.notices import inbox
from jiceng.people.models import Unit, User
from jiceng.web.workbench.access import acting_user, dispatcher_required
from jiceng.web.workbench.forms.desk import CONSULTATION, DeskForm
from jiceng.web.workbench.proposals import proposal_context

# Service field names → the desk's own field names, to put a message beside the right input.
FIELDS = {
    "division": "village",
    "contact_phone": "phone",
    "contact_name": "name",
    "title": "description",
}


def _categories() -> list[Category]:
    return list(Category.objects.filter(active=True).order_by("sort_order", "code"))


def _render(request: HttpRequest, form: DeskForm, *, status: int = 200) -> HttpResponse:
    user = acting_user(request)
    values = form.data if form.is_bound else form.initial
    township = str(values.get("township") or "")
    if len(user.jurisdiction) >= 9:
        township = user.jurisdiction[:9]
    taken = None
    if request.GET.get("taken"):
        try:
            taken = selectors.case_detail(user, request.GET["taken"])
        except NotAllowed:
            taken = None
    description = str(values.get("description") or "")
    context = {
        "form": form,
        "quarantined": _waiting_in_quarantine(user),
        "proposal": intake.propose(description, str(values.get("village") or ""))
        if description.strip()
        else None,
        "has_model": intake.category_model() is not None,
        "typed": bool(description.strip()),
        "categories": form.categories.values(),
        "townships": list(selectors.jurisdiction_townships(user)),
        "villages": list(selectors.jurisdiction_villages(user, township)) if township else [],
        "township": township,
        "taken": taken,
        "to_call": inbox.calls_to_make(user).count(),
        **proposal_context(user, values),
    }
    return render(request, "web/workbench/desk.html", context, status=status)


def _waiting_in_quarantine(user: User) -> int:
    return Case.objects.filter(
        owner_id=user.unit_id, state=State.QUARANTINED, closed_at__isnull=True
    ).count()


def _take(request: HttpRequest, form: DeskForm) -> HttpResponse:
    """Save the call: a consultation closed with its answer, or a request sent on at once."""
    user, data = acting_user(request), form.cleaned_data
    contact = {"contact_phone": data["phone"], "contact_name": data["name"]}
    try:
        if data["mode"] == CONSULTATION:
            case = services.case_consult(
                category=form.category_object(),
                question=data["description"],
                answer=data["answer"],
                division_code=data["village"],
                by=user,
                **contact,
            )
        else:
            case = services.case_submit(
                category=form.category_object(),
                description=data["description"],
                division_code=data["village"],
                address=data["address"],
                urgency=data["urgency"],
                channel=Channel.PHONE,
                by=user,
                **contact,
            )
    except InvalidInput as error:
        field = FIELDS.get(error.field or "", error.field)
        form.add_error(field if field in form.fields else None, error.message)
        return _render(request, form, status=400)
    if data["mode"] != CONSULTATION:
        _dispatch(request, case, user, data["unit"], data["description"])
    return redirect(f"{reverse('workbench:desk')}?taken={case.number}")


def _dispatch(
    request: HttpRequest, case: Case, user: User, unit: Unit | None, description: str
) -> None:
    """Dispatch right after saving; if that fails the case waits, submitted, in the queue.

    The category the dispatcher picked is recorded as confirmed, with what the model proposed.
    """
    proposal = intake.propose(description, case.division_id)
    top = [(g.category.code, g.probability) for g in proposal.guesses] if proposal else []
    try:
        services.case_dispatch_classified(
            case=case, by=user, category=case.category, unit=unit, proposed=top
        )
    except JicengError as error:
        messages.error(
            request,
            _("Case %(number)s is saved but was not dispatched: %(error)s It waits in your queue.")
            % {"number": case.number, "error": error.message},
        )


@dispatcher_required
@require_http_methods(["GET", "POST"])
def desk(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    if request.method != "POST":
        return _render(request, DeskForm(user=user, categories=_categories()))
    if "refresh" in request.POST:
        # Without JavaScript, "Show villages" redraws the form for the chosen township.
        initial = request.POST.dict()
        return _render(request, DeskForm(initial=initial, user=user, categories=_categories()))
    form = DeskForm(request.POST, user=user, categories=_categories())
    if not form.is_valid():
        return _render(request, form, status=400)
    return _take(request, form)
