"""A case's link as a path and as the absolute address a message carries; how long it lasts."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.urls import reverse

from jiceng.notices.links.tokens import RATE, token

FOLLOW_DAYS = 90


def path(case_id: int, purpose: str, expires: datetime) -> str:
    return reverse("portal:link", kwargs={"token": token(case_id, purpose, expires)})


def absolute(relative: str) -> str:
    """The link as a resident types or taps it: on the public address (JICENG_PUBLIC_URL)."""
    return f"{settings.JICENG_PUBLIC_URL or 'http://localhost:8000'}{relative}"


def for_case(case_id: int, purpose: str, planned_at: datetime) -> str:
    """The absolute link a message planned at ``planned_at`` carries, made when it is sent.

    Tokens are made when sending, never stored: the outbox holds only what the link is for.
    """
    until = rate_until(planned_at) if purpose == RATE else follow_until(planned_at)
    return absolute(path(case_id, purpose, until))


def follow_until(at: datetime) -> datetime:
    return at + timedelta(days=FOLLOW_DAYS)


def rate_until(resolved_at: datetime) -> datetime:
    """A rating link lasts as long as the rating window (JICENG_RATING_WINDOW_DAYS)."""
    return resolved_at + timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
