"""Who may open the workbench, and fetching a case so that an outsider learns nothing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.cases import selectors
from jiceng.cases.models import Case
from jiceng.cases.permissions import STAFF_ROLES, is_admin
from jiceng.core.errors import NotAllowed
from jiceng.notices import inbox
from jiceng.people.models import Role, User

P = ParamSpec("P")
View = Callable[Concatenate[HttpRequest, P], HttpResponse]

# Leaders and administrators may read cases in their scope; only staff act on them.
READERS = STAFF_ROLES | {Role.LEADER, Role.ADMIN}


def acting_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


def _guard(allowed: Callable[[User], bool]) -> Callable[[View[P]], View[P]]:
    def decorator(view: View[P]) -> View[P]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
            if not allowed(acting_user(request)):
                raise PermissionDenied(_("Your role has no access to this page."))
            return view(request, *args, **kwargs)

        return login_required(wrapped)  # type: ignore[return-value]

    return decorator


staff_required = _guard(lambda user: user.role in READERS or is_admin(user))
dispatcher_required = _guard(lambda user: user.role == Role.DISPATCHER)
# Residents an SMS could not reach are called by the dispatch centre (or an administrator).
caller_required = _guard(inbox.may_call)


def visible_case(user: User, number: str) -> Case:
    """The case if the user may see it; otherwise 404, the same as a number that does not exist."""
    try:
        return selectors.case_detail(user, number)
    except NotAllowed:
        raise Http404(_("No such case in your area.")) from None


def is_htmx(request: HttpRequest) -> bool:
    """An HTMX request for a fragment (a history restore wants the whole page)."""
    headers = request.headers
    return headers.get("HX-Request") == "true" and "HX-History-Restore-Request" not in headers
