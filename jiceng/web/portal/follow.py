"""Following a request: the number-and-digits check and the case page (the SMS link: ``link``).

A resident proves a case is theirs with its number and the last four digits of their
phone; the portal remembers that in the session (``session``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.cases import public, rules
from jiceng.cases.models import (
    OPEN_STATES,
    Case,
    EventKind,
    State,
)
from jiceng.core import clock
from jiceng.core.proxy import client_address
from jiceng.notices import optout_state as texts
from jiceng.web.portal import session, states, wording
from jiceng.web.portal.forms import (
    SATISFACTION_CHOICES,
    FollowForm,
    RateForm,
    category_label,
)
from jiceng.web.portal.session import follow_redirect


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _verify(request)
    number = request.GET.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is not None:
        return case_page(request, case, RateForm())
    form = FollowForm(initial={"number": number})
    return render(request, "web/portal/follow.html", {"form": form})


def _verify(request: HttpRequest) -> HttpResponse:
    form = FollowForm(request.POST)
    if not public.lookup_allowed(client_address(request)):
        form.is_valid()
        form.add_error(None, _("Too many tries from this connection. Please wait 10 minutes."))
        return render(request, "web/portal/follow.html", {"form": form}, status=429)
    if form.is_valid():
        number = form.cleaned_data["number"]
        case = public.follow_case(number, form.cleaned_data["last4"])
        if case is not None:
            # The resident's own request: a merged one shows the case that carries its work.
            own = case.number or number
            session.remember(request, own)
            return follow_redirect(own)
        # One message whether the number exists or not: the page must not confirm numbers.
        form.add_error(
            None,
            _(
                "We could not find a request with that number and those phone digits. "
                "Check both and try again."
            ),
        )
    return render(request, "web/portal/follow.html", {"form": form})


def case_page(
    request: HttpRequest, case: Case, rate_form: RateForm, status: int = 200
) -> HttpResponse:
    now = clock.now()
    followed = public.followed_case(case)
    open_deadline = (
        followed.respond_by if followed.state == State.DISPATCHED else followed.resolve_by
    )
    steps = _steps(case, followed)
    can_rate = rules.state_allows(case, rules.RATE)
    context = {
        "case": case,
        "followed": followed,
        "merged": followed.pk != case.pk,
        "category": category_label(case.category),
        "description": public.public_description(case),
        "township": case.division.parent.name if case.division.parent else "",
        "state_sentence": states.state_sentence(followed.state, followed.owner.name),
        "steps": steps[::-1],  # newest first: what the resident came to see
        "reopened": _handled_again(followed, steps),
        "deadline": wording.when(open_deadline, now) if open_deadline else "",
        "overdue": bool(open_deadline and open_deadline < now),
        "is_open": followed.state in (State.SUBMITTED, State.DISPATCHED, State.ACCEPTED),
        "can_rate": can_rate,
        "rated": None if can_rate else public.current_rating(case, followed),
        "rate_form": rate_form,
        "texts": _texts_choice(case),
    }
    return render(request, "web/portal/case.html", context, status=status)


def _texts_choice(case: Case) -> dict[str, bool] | None:
    """Whether this resident's phone gets our text messages, for the stop/start form."""
    resident = case.resident
    if resident is None or not texts.can_choose(resident):
        return None
    return {"stopped": texts.stopped(resident)}


def _steps(case: Case, followed: Case) -> list[tuple[public.Step, str]]:
    """Each public step with the words for its rating, if it is one."""
    labels: dict[str, str] = {str(code): str(label) for code, label in SATISFACTION_CHOICES}
    steps = public.resident_timeline(case, followed)
    return [(step, labels.get(step.satisfaction, "")) for step in steps]


def _handled_again(case: Case, steps: list[tuple[public.Step, str]]) -> public.Step | None:
    """The latest reopening while the case is open again, so the top of the page says so."""
    if case.reopen_count == 0 or case.state not in OPEN_STATES:
        return None
    return next((step for step, _words in reversed(steps) if step.kind == EventKind.REOPEN), None)
