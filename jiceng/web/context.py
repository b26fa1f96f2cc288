"""What every page needs to draw its header: the navigation the user's role allows."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from jiceng.people.models import Role
from jiceng.web.inbox_link import header_inbox_link

STAFF = {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.TOWNSHIP_STAFF, Role.DEPARTMENT_STAFF}


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    links: list[tuple[str, str]] = []
    inbox_link = None
    if user.is_authenticated:
        role = getattr(user, "role", "")
        if role in STAFF or role in {Role.DISPATCHER, Role.LEADER, Role.ADMIN}:
            links.append((reverse("workbench:home"), _("My queue")))
        if role == Role.DISPATCHER:
            links.append((reverse("workbench:desk"), _("Take a call")))
        if role in {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.TOWNSHIP_STAFF}:
            links.append((reverse("field:home"), _("Field work")))
        if role in {Role.LEADER, Role.TOWNSHIP_STAFF, Role.ADMIN} or user.is_superuser:
            links.append((reverse("dashboard:home"), _("Dashboard")))
        if role == Role.COUNTY_ADMIN:
            links.append((reverse("onboarding:county"), _("County onboarding")))
        if role in STAFF or role in {Role.DISPATCHER, Role.LEADER}:
            links.append((reverse("knowledge:search"), _("Knowledge base")))
        if role in {Role.LEADER, Role.TOWNSHIP_STAFF}:
            links.append((reverse("campaigns:list"), _("Campaigns")))
        if role == Role.DEPARTMENT_STAFF:
            links.append((reverse("campaigns:summonses"), _("Summonses to my unit")))
        if user.is_staff:
            links.append((reverse("admin:index"), _("Admin")))
        inbox_link = header_inbox_link(request)
    return {
        "nav_links": links,
        "inbox_link": inbox_link,
        "nav_unit": _loaded_unit(user),
        "source_url": settings.JICENG_SOURCE_URL,
    }


def _loaded_unit(user: object) -> object:
    """The user's unit when the page has already read it (every scoped page does): no query."""
    state = getattr(user, "_state", None)
    return state.fields_cache.get("unit") if state is not None else None
