"""The resident portal: report a problem, follow it, rate the result, see the public board.

Nobody logs in. A resident proves a case is theirs with its number and the last
four digits of their phone; the portal remembers that in the session. Writes
go through the case services; reads through ``jiceng.cases.public``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jiceng.cases import admission, public, rules
from jiceng.cases.models import (
    OPEN_STATES,
    Case,
    Channel,
    EventKind,
    RatingSource,
    Satisfaction,
    State,
)
from jiceng.cases.services import case_attach_photo, case_rate, case_submit, time_limit_for
from jiceng.core import clock
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput
from jiceng.core.proxy import client_address
from jiceng.insights.board import township_rates
from jiceng.insights.rates import AreaRates
from jiceng.notices import links
from jiceng.notices import optout as texts
from jiceng.places.models import Division
from jiceng.web.portal import session, wording
from jiceng.web.portal.forms import (
    SATISFACTION_CHOICES,
    SERVICE_FIELDS,
    FollowForm,
    RateForm,
    SubmitForm,
    category_label,
)

BOARD_PAGE_SIZE = 20
BOARD_FIXED = 8
BOARD_MAX_PAGE = 50  # deeper pages cost a large OFFSET and nobody reads them


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
def villages(request: HttpRequest) -> HttpResponse:
    """The village <option>s of one township, for the HTMX picker."""
    township = request.GET.get("township", "")
    found = public.villages(township, public.deployment_counties()) if township else []
    return render(request, "web/portal/_village_options.html", {"villages": found})


@require_GET
def submitted(request: HttpRequest, number: str) -> HttpResponse:
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None:
        return _follow_redirect(number)
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
            "follow_url": _follow_url(case.number or ""),
        },
    )


# --- follow and rate -------------------------------------------------------------------------


def _follow_url(number: str) -> str:
    return f"{reverse('portal:follow')}?{urlencode({'number': number})}"


def _follow_redirect(number: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(_follow_url(number))


@require_GET
def link(request: HttpRequest, token: str) -> HttpResponse:
    """A signed link from an SMS: the case opens as if its number and digits were typed."""
    try:
        opened = links.open_token(token)
    except links.ExpiredLink:
        messages.info(
            request,
            _(
                "This link has expired. Enter your case number and the last four digits "
                "of your phone to follow your request."
            ),
        )
        return redirect("portal:follow")
    except links.BadLink:
        raise Http404 from None
    number = public.number_of(opened.case_id)
    if not number:
        raise Http404
    session.remember(request, number)
    # A rating link opens on the rating form while there is one; the page says if not.
    anchor = "#rate" if opened.purpose == links.RATE else ""
    return HttpResponseRedirect(_follow_url(number) + anchor)


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _verify(request)
    number = request.GET.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is not None:
        return _case_page(request, case, RateForm())
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
            return _follow_redirect(own)
        # One message whether the number exists or not: the page must not confirm numbers.
        form.add_error(
            None,
            _(
                "We could not find a request with that number and those phone digits. "
                "Check both and try again."
            ),
        )
    return render(request, "web/portal/follow.html", {"form": form})


def _case_page(
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
        "state_sentence": wording.state_sentence(followed.state, followed.owner.name),
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


@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    number = request.POST.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None:
        messages.error(request, _("Enter your case number and phone digits first."))
        return _follow_redirect(number)
    form = RateForm(request.POST)
    if not form.is_valid():
        return _case_page(request, case, form)
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
        return _case_page(request, case, form)
    except (IllegalTransition, Conflict) as error:
        messages.error(request, _refused(case) or error.message)
        return _follow_redirect(number)
    messages.success(
        request, _thanks(public.followed_case(case), form.cleaned_data["satisfaction"])
    )
    return _follow_redirect(number)


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


@require_POST
def sms(request: HttpRequest) -> HttpResponse:
    """Stop, or start again, the text messages to the phone of a case the browser has opened."""
    number = request.POST.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None or case.resident is None:
        messages.error(request, _("Enter your case number and phone digits first."))
        return _follow_redirect(number)
    if request.POST.get("texts") == "stop":
        texts.stop_texts(resident=case.resident)
        messages.success(
            request,
            _("We will not send text messages to your phone any more. You can still follow here."),
        )
    elif request.POST.get("texts") == "resume":
        texts.resume_texts(resident=case.resident)
        messages.success(request, _("We will send you text messages about your requests again."))
    return _follow_redirect(number)


# --- the public board ------------------------------------------------------------------------


def _page(request: HttpRequest) -> int:
    raw = request.GET.get("page", "1")
    return min(max(int(raw), 1), BOARD_MAX_PAGE) if raw.isdigit() else 1


def _county(request: HttpRequest, counties: list[Division]) -> Division | None:
    wanted = request.GET.get("county", "")
    return next((c for c in counties if c.code == wanted), counties[0] if counties else None)


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _rate_rows(rows: list[AreaRates]) -> list[dict[str, str]]:
    return [
        {
            "name": row.name,
            "response": _percent(row.response_rate),
            "resolution": _percent(row.resolution_rate),
            "satisfaction": _percent(row.satisfaction_rate),
        }
        for row in rows
    ]


def _board_rows(items: list[public.BoardItem]) -> list[dict[str, Any]]:
    return [
        {
            "item": item,
            "category": category_label(item.category),
            "state": wording.STATE_LABELS[item.state],
        }
        for item in items
    ]


@require_GET
def board(request: HttpRequest) -> HttpResponse:
    counties = public.deployment_counties()
    county = _county(request, counties)
    context: dict[str, Any] = {"counties": counties, "county": county}
    if county is None:
        return render(request, "web/portal/board.html", context)
    page = _page(request)
    recent, more = public.recent_requests(county, page=page, per_page=BOARD_PAGE_SIZE)
    context.update(
        page=page,
        recent=_board_rows(recent),
        older=page + 1 if more and page < BOARD_MAX_PAGE else None,
        newer=page - 1 if page > 1 else None,
    )
    if page == 1:  # later pages are for reading back through requests only
        context.update(
            fixed=_board_rows(public.fixed_recently(county, limit=BOARD_FIXED)),
            rates=_rate_rows(township_rates(county)),
            month=clock.now(),
        )
    return render(request, "web/portal/board.html", context)
