"""The caller of a request and the cases they may reach, through the same scoping as the web."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from jiceng.cases import permissions
from jiceng.cases.models import Case
from jiceng.core.errors import NotAllowed
from jiceng.core.proxy import client_address
from jiceng.people.models import User


def user_of(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]
    assert isinstance(user, User)
    return user


def case_of(request: HttpRequest, number: str, *, write: bool = False) -> Case:
    """The case if the caller may see it; 404 if no such case exists at all, else 403."""
    try:
        return permissions.case_for_user(user_of(request), number, write=write)
    except NotAllowed:
        if not Case.objects.filter(number=number).exists():
            raise Http404(_("No case %(number)s.") % {"number": number}) from None
        raise


def address_of(request: HttpRequest) -> str:
    return client_address(request)
