"""Remembering, for this browser only, which cases the resident has proved are theirs."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse

KEY = "portal_cases"
REMEMBERED = 10  # a family phone may follow a few requests; older ones drop off


def remember(request: HttpRequest, number: str) -> None:
    numbers = [n for n in request.session.get(KEY, []) if n != number]
    request.session[KEY] = [*numbers, number][-REMEMBERED:]


def is_verified(request: HttpRequest, number: str) -> bool:
    return bool(number) and number in request.session.get(KEY, [])


def follow_url(number: str) -> str:
    """The follow page of one case (it asks for the phone digits unless remembered)."""
    return f"{reverse('portal:follow')}?{urlencode({'number': number})}"


def follow_redirect(number: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(follow_url(number))
