"""What every page needs to draw its header: the navigation the user's role allows."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from jiceng.people.models import Role

STAFF = {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.TOWNSHIP_STAFF, Role.DEPARTMENT_STAFF}


def navigation(request: HttpRequest) -> dict[str, object]:
    user = request.user
    links: list[tuple[str, str]] = []
    if user.is_authenticated:
        role = getattr(user, "role", "")
        if role in STAFF or role == Role.DISPATCHER:
            links.append((reverse("workbench:home"), _("My queue")))
        if role == Role.DISPATCHER:
            links.append((reverse("workbench:desk"), _("Take a call")))
        if role in {Role.GRID_WORKER, Role.VILLAGE_CADRE, Role.TOWNSHIP_STAFF}:
            links.append((reverse("field:home"), _("Field work")))
        if role in {Role.LEADER, Role.TOWNSHIP_STAFF, Role.ADMIN} or user.is_superuser:
            links.append((reverse("dashboard:home"), _("Dashboard")))
        if user.is_staff:
            links.append((reverse("admin:index"), _("Admin")))
    return {"nav_links": links, "source_url": settings.JICENG_SOURCE_URL}
