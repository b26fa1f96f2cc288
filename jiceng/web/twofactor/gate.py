"""Which requests wait for the second factor: everything but the code pages and probes."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from jiceng.people.services import needs_second_factor

# Reachable before the second factor: these pages, leaving, and what browsers and probes fetch.
OPEN_PREFIXES = ("/account/two-factor/", "/logout/", "/admin/logout/", "/static/", "/i18n/")
OPEN_PATHS = ("/healthz", "/readyz", "/source/")


def _verified(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


def held_back(request: HttpRequest) -> bool:
    """Whether ``request`` is from a user who must first give (or set up) their code."""
    if not settings.JICENG_REQUIRE_2FA or not request.user.is_authenticated:
        return False
    path = request.path_info
    if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
        return False
    return needs_second_factor(request.user) and not _verified(request)  # type: ignore[arg-type]
