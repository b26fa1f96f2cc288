"""The quarantine: requests the spam check held back, for a dispatcher to release or confirm.

Held requests are never deleted: a dispatcher releases one to the queue or confirms it
as spam, and it stays, closed, in the records.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jiceng.cases import services
from jiceng.cases.history.floor import floor
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.permissions import visible_cases
from jiceng.core.errors import Conflict, IllegalTransition, NotAllowed
from jiceng.people.models import User
from jiceng.web.workbench.access import acting_user, dispatcher_required, visible_case

QUARANTINE_PAGE = 100
RECENT_SPAM = 20


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
    if not cases:
        return []
    # A quarantine event is dated at its case's submission: the months since the oldest only.
    since = floor(min(case.submitted_at for case in cases))
    events = CaseEvent.objects.filter(
        case__in=cases, kind=EventKind.QUARANTINE, at__gte=since
    ).values_list("case_id", "data")
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
