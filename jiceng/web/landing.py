"""Where each role lands after logging in, when the login names no next page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from jiceng.people.models import Role

# Where each role starts its day when the login has no "next" page.
LANDING: dict[str, str] = {
    Role.LEADER: "dashboard:home",
    Role.ADMIN: "dashboard:home",
    Role.RESIDENT: "portal:home",
}


def landing_url(request: HttpRequest) -> str:
    """The page a role lands on; a resident is told that the portal needs no login."""
    role = getattr(request.user, "role", "")
    if role == Role.RESIDENT:
        messages.info(
            request,
            _(
                "Residents do not need to log in: report a problem, follow it and rate the "
                "result here with your case number and phone."
            ),
        )
    return reverse(LANDING.get(role, "workbench:home"))
