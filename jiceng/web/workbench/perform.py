"""What each action on a case does: one service call, and the words that confirm it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _

from jiceng.cases import rules, selectors, services
from jiceng.cases.models import Case, Satisfaction, State
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User

Perform = Callable[[Case, User, dict[str, Any]], str]


def _accept(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_accept(case=case, by=user)
    return _("Accepted")


def _resolve(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_resolve(
        case=case,
        by=user,
        answer=data["answer"],
        root_cause=data.get("root_cause") or "",
        root_cause_text=data.get("root_cause_text") or "",
    )
    return _("Resolved. The resident will be asked to rate the result.")


def _reply(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_reply(case=case, by=user, reply=data["reply"])
    return _("Reply sent. The resident sees it on their follow page and gets a text message.")


def _escalate(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_escalate(case=case, by=user, reason=data["reason"])
    return _("Escalated to %(unit)s") % {"unit": case.owner.name}


def _return(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_return(case=case, by=user, reason=data["reason"])
    return _("Returned to the dispatch centre")


def _merge(case: Case, user: User, data: dict[str, Any]) -> str:
    try:
        into = selectors.case_detail(user, data["into"].strip())
    except NotAllowed:
        raise InvalidInput(_("No case with that number in your area."), field="into") from None
    services.case_merge(case=case, into=into, by=user)
    return _("Merged into case %(number)s") % {"number": into.number}


def _note(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_note(case=case, by=user, note=data["note"])
    return _("Note added")


def _dispatch(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_dispatch(case=case, by=user, unit=data["unit"])
    return _("Dispatched to %(unit)s") % {"unit": case.owner.name}


def _rate(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_rate(
        case=case,
        solved=data["solved"],
        satisfaction=data["satisfaction"],
        comment=data["comment"],
        by=user,
    )
    if case.state == State.MERGED:
        return _(
            "Call-back rating saved for this merged request; it counts for the resolving unit."
        )
    if data["satisfaction"] == Satisfaction.UNSATISFIED:
        return _("Call-back rating saved. The resident is not satisfied: the case was reopened.")
    return _("Call-back rating saved. The case is closed.")


def _reopen(case: Case, user: User, data: dict[str, Any]) -> str:
    services.case_reopen(case=case, by=user, reason=data["reason"])
    return _("Reopened and sent back to %(unit)s") % {"unit": case.owner.name}


PERFORM: dict[str, Perform] = {
    rules.ACCEPT: _accept,
    rules.RESOLVE: _resolve,
    rules.REPLY: _reply,
    rules.ESCALATE: _escalate,
    rules.RETURN: _return,
    rules.MERGE: _merge,
    rules.NOTE: _note,
    rules.DISPATCH: _dispatch,
    rules.RATE: _rate,
    rules.REOPEN: _reopen,
}
