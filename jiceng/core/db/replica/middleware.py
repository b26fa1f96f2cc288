"""Marks the requests that may read the replica, and pins a browser that wrote to the primary."""

from __future__ import annotations

from collections.abc import Callable
from fnmatch import fnmatchcase
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from jiceng.core.db.replica import health
from jiceng.core.db.replica.state import ReadState, _current
from jiceng.core.outage import database_unavailable

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
PIN_COOKIE = "jiceng_primary"


class ReplicaMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        state = ReadState()
        token = _current.set(state)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        seconds = settings.JICENG_REPLICA_STICKY_SECONDS
        if seconds and (state.wrote or request.method not in SAFE_METHODS):
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=seconds,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response

    def process_view(
        self, request: HttpRequest, _view: Callable[..., Any], _args: Any, _kwargs: Any
    ) -> None:
        state = _current.get()
        match = request.resolver_match
        if (
            state is not None
            and match is not None
            and request.method in SAFE_METHODS
            and PIN_COOKIE not in request.COOKIES
            and _listed(match.view_name, request.path_info)
        ):
            state.eligible = True

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        """The replica failed mid-request: the view runs again on the primary."""
        state = _current.get()
        match = request.resolver_match
        if state is None or not state.used or match is None or not database_unavailable(exc):
            return None
        health.replica_failed()
        state.eligible = state.used = False
        response: HttpResponse = match.func(request, *match.args, **match.kwargs)
        return response


def _listed(view_name: str, path: str) -> bool:
    """A view named, or a path matched, by ``JICENG_REPLICA_VIEWS``."""
    return any(
        fnmatchcase(path if pattern.startswith("/") else view_name, pattern)
        for pattern in settings.JICENG_REPLICA_VIEWS
    )
