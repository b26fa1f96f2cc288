"""The case page a resident follows: state, steps, deadline, rating and text messages."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from jiceng.cases import public, rules
from jiceng.cases.models import Case, State
from jiceng.core import clock
from jiceng.web.portal import states, wording
from jiceng.web.portal.case_parts import handled_again, steps_with_ratings, texts_choice
from jiceng.web.portal.forms import RateForm, category_label


def case_page(
    request: HttpRequest, case: Case, rate_form: RateForm, status: int = 200
) -> HttpResponse:
    now = clock.now()
    followed = public.followed_case(case)
    open_deadline = (
        followed.respond_by if followed.state == State.DISPATCHED else followed.resolve_by
    )
    steps = steps_with_ratings(case, followed)
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
        "reopened": handled_again(followed, steps),
        "deadline": wording.when(open_deadline, now) if open_deadline else "",
        "overdue": bool(open_deadline and open_deadline < now),
        "is_open": followed.state in (State.SUBMITTED, State.DISPATCHED, State.ACCEPTED),
        "can_rate": can_rate,
        "rated": None if can_rate else public.current_rating(case, followed),
        "rate_form": rate_form,
        "texts": texts_choice(case),
    }
    return render(request, "web/portal/case.html", context, status=status)
