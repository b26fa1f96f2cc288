"""Field work pages for village cadres and grid workers: phone first, one short form each.

Reads go through the field-work selectors (village-scoped); writes through the
services. Another village's household or outreach item answers 404.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jiceng.core import clock
from jiceng.core.errors import JicengError, NotAllowed
from jiceng.fieldwork import selectors
from jiceng.fieldwork.scope import field_village, households_for, villages_for
from jiceng.fieldwork.services import visit_record
from jiceng.people.models import Household, Resident, User
from jiceng.people.services import household_member_reveal, may_reveal_household
from jiceng.policies.models import CLOSED_OUTCOMES
from jiceng.policies.selectors import outreach_for, outreach_item, outreach_progress
from jiceng.policies.services import outreach_record
from jiceng.web.field.display import member_view
from jiceng.web.field.forms import OutcomeForm, RevealForm, VisitForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _service_error(form: forms.Form, error: JicengError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    field_village(user)
    return render(
        request,
        "web/field/home.html",
        {
            "follow_ups": selectors.open_follow_ups(user)[:50],
            "visits": selectors.my_visits(user)[:20],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    households = households_for(user)
    initial: dict[str, Any] = {}
    chosen = request.GET.get("household", "")
    if chosen.isdigit() and households.filter(pk=chosen).exists():
        initial = {"place_kind": "household", "household": int(chosen)}
    form = VisitForm(request.POST or None, households=households, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = visit_record(by=user, **form.cleaned_data)
        except JicengError as error:
            _service_error(form, error)
        else:
            if done.case is not None:
                message = _("Visit saved. Case %(number)s was opened from it.") % {
                    "number": done.case.number
                }
            else:
                message = _("Visit saved.")
            messages.success(request, message)
            return redirect("field:home")
    status = 400 if form.errors else 200
    return render(request, "web/field/visit.html", {"form": form}, status=status)


@login_required
def coverage_page(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    villages = villages_for(user)
    code = request.GET.get("village", "")
    if not code and villages.count() == 1:
        code = villages[0].code
    if code:
        village = villages.filter(code=code).first()
        if village is None:
            raise Http404(_("No such village in your area."))
        result = selectors.coverage(user, village)
        return render(request, "web/field/coverage.html", {"coverage": result})
    if not villages.exists():
        raise NotAllowed(_("Coverage is for village, township and county staff."))
    figures = selectors.coverage_by_village(user)
    return render(request, "web/field/coverage_list.html", {"figures": figures})


@login_required
def households(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate(clock.now())
    rows = []
    for home in households_for(user).prefetch_related("members")[:500]:
        members = [member_view(p, today) for p in home.members.all() if not p.moved_away_on]
        rows.append((home, members))
    return render(request, "web/field/households.html", {"rows": rows})


def _household(user: User, pk: int) -> Household:
    home = households_for(user).filter(pk=pk).first()
    if home is None:
        raise Http404(_("No such household in your village."))
    return home


def _household_page(
    request: HttpRequest,
    home: Household,
    *,
    clear: tuple[int, str, str] | None = None,
    reveal_form: RevealForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = _user(request)
    today = timezone.localdate(clock.now())
    members = [member_view(p, today) for p in home.members.filter(moved_away_on__isnull=True)]
    if clear is not None:
        for member in members:
            if member.person.pk == clear[0]:
                member.clear[clear[1]] = clear[2]
    context = {
        "home": home,
        "members": members,
        "may_reveal": may_reveal_household(user, home),
        "visits": selectors.household_visits(user, home)[:20],
        "reveal_form": reveal_form,
    }
    return render(request, "web/field/household.html", context, status=status)


@login_required
def household(request: HttpRequest, pk: int) -> HttpResponse:
    return _household_page(request, _household(_user(request), pk))


@login_required
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    home = _household(user, pk)
    form = RevealForm(request.POST)
    if not form.is_valid():
        return _household_page(request, home, reveal_form=form, status=400)
    person = Resident.objects.filter(household=home, pk=form.cleaned_data["resident"]).first()
    if person is None:
        raise Http404(_("No such person in this household."))
    try:
        value = household_member_reveal(
            resident=person,
            field=form.cleaned_data["field"],
            by=user,
            reason=form.cleaned_data["reason"],
        )
    except NotAllowed:
        raise  # 403: e.g. a grid worker of another grid in the same village
    except JicengError as error:
        _service_error(form, error)
        return _household_page(request, home, reveal_form=form, status=400)
    return _household_page(request, home, clear=(person.pk, form.cleaned_data["field"], value))


@login_required
def outreach(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if request.GET.get("view") == "progress" or not user.role.endswith(("cadre", "worker")):
        return render(request, "web/field/progress.html", {"rows": outreach_progress(user)})
    items = outreach_for(user).order_by("outcome", "policy__title", "id")[:300]
    today = timezone.localdate(clock.now())
    rows = [(item, member_view(item.resident, today)) for item in items]
    return render(
        request,
        "web/field/outreach.html",
        {"rows": rows, "form": OutcomeForm(), "closed": CLOSED_OUTCOMES},
    )


@login_required
@require_POST
def outreach_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    try:
        item = outreach_item(user, pk)
    except NotAllowed:
        raise Http404(_("No such outreach item in your village.")) from None
    form = OutcomeForm(request.POST)
    if form.is_valid():
        try:
            outreach_record(item=item, by=user, **form.cleaned_data)
        except JicengError as error:
            _service_error(form, error)
    if form.errors:
        messages.error(request, " ".join(str(m) for ms in form.errors.values() for m in ms))
    return redirect("field:outreach")
