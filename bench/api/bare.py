"""The project's URLs plus one bare Django view: the ceiling the API is compared with.

Served by ``serve.py`` with the same gunicorn settings as ``jiceng serve``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from jiceng.urls import urlpatterns as project


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b'{"ok":true}', content_type="application/json")


urlpatterns = [path("bench/bare", bare), *project]
