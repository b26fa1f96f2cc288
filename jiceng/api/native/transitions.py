"""The transitions, one documented endpoint each: every one reads its body and calls its
service, idempotently under the request's Idempotency-Key."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.api import schemas
from jiceng.api.idempotency.claims import idempotent
from jiceng.api.idempotency.identity import scope_of
from jiceng.api.native.access import case_of, user_of
from jiceng.api.native.app import ERRORS, api
from jiceng.api.native.rows import case_response
from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, User


def _transition(
    request: HttpRequest, number: str, act: Callable[[Case, User], object]
) -> HttpResponse:
    def work() -> HttpResponse:
        case = case_of(request, number)
        act(case, user_of(request))
        # The caller was allowed to act on it a moment ago; show them what they did.
        return case_response(request, case, 200)

    return idempotent(request, scope_of(request), work)


OK = {200: schemas.CaseOut, **ERRORS}
# Who may do each transition, and from which states, is the rule book's (cases.rules): the
# services check it, and their refusals become 403 and 409 here. Each endpoint only reads
# its body and calls its service.
TRANSITIONS = ["transitions"]


def _unit(pk: int | None) -> Unit | None:
    if pk is None:
        return None
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise InvalidInput(_("Unknown unit."), field="unit")
    return unit


@api.post("/cases/{number}/dispatch", summary="Dispatch", response=OK, tags=TRANSITIONS)
def dispatch(request: HttpRequest, number: str, payload: schemas.DispatchIn) -> HttpResponse:
    """Send a case to a unit (the catalogue's by default)."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_dispatch(case=case, by=user, unit=_unit(payload.unit)),
    )


@api.post("/cases/{number}/accept", summary="Accept", response=OK, tags=TRANSITIONS)
def accept(request: HttpRequest, number: str) -> HttpResponse:
    """The owning unit takes the case on (签收)."""
    return _transition(request, number, lambda case, user: services.case_accept(case=case, by=user))


@api.post("/cases/{number}/return", summary="Return", response=OK, tags=TRANSITIONS)
def return_(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The owner sends a misrouted case back to the dispatcher."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_return(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/escalate", summary="Escalate", response=OK, tags=TRANSITIONS)
def escalate(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The owner hands the case to the next tier up; it keeps its number."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_escalate(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/resolve", summary="Resolve", response=OK, tags=TRANSITIONS)
def resolve(request: HttpRequest, number: str, payload: schemas.ResolveIn) -> HttpResponse:
    """The owner records what was done and, optionally, the problem's root cause."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_resolve(
            case=case,
            by=user,
            answer=payload.answer,
            root_cause=payload.root_cause,
            root_cause_text=payload.root_cause_text,
        ),
    )


@api.post("/cases/{number}/reply", summary="Reply to the resident", response=OK, tags=TRANSITIONS)
def reply(request: HttpRequest, number: str, payload: schemas.ReplyIn) -> HttpResponse:
    """The owner tells the resident how it is going (阶段性答复); the case stays accepted,
    its deadlines unchanged, and the resident is sent a text message with a follow link."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_reply(case=case, by=user, reply=payload.reply),
    )


@api.post("/cases/{number}/rate", summary="Rate", response=OK, tags=TRANSITIONS)
def rate(request: HttpRequest, number: str, payload: schemas.RateIn) -> HttpResponse:
    """A dispatcher enters the resident's answer after a call-back (回访)."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_rate(
            case=case,
            by=user,
            solved=payload.solved,
            satisfaction=payload.satisfaction,
            comment=payload.comment,
        ),
    )


@api.post("/cases/{number}/reopen", summary="Reopen", response=OK, tags=TRANSITIONS)
def reopen(request: HttpRequest, number: str, payload: schemas.ReasonIn) -> HttpResponse:
    """The resident was not satisfied: the case goes back to work."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_reopen(case=case, by=user, reason=payload.reason),
    )


@api.post("/cases/{number}/merge", summary="Merge", response=OK, tags=TRANSITIONS)
def merge(request: HttpRequest, number: str, payload: schemas.MergeIn) -> HttpResponse:
    """Close a duplicate into the case that carries the work."""
    return _transition(
        request,
        number,
        lambda case, user: services.case_merge(
            case=case, into=case_of(request, payload.into), by=user
        ),
    )
