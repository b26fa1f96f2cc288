"""Signed, expiring links that open a resident's own case without typing any digits.

A link carries the case's row id, what it is for and when it expires, signed with the
site's secret key (Django's signing, so SECRET_KEY_FALLBACKS rotate it). Whoever holds
the link may see that case's public timeline and, while it may be rated, rate it: the
same as knowing its number and the phone's last four digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from jiceng.core import clock

SALT = "jiceng.notices.links"
FOLLOW = "f"  # follow the case
RATE = "r"  # follow it and rate its resolution
PURPOSES = (FOLLOW, RATE)
FOLLOW_DAYS = 90


class BadLink(Exception):
    """The link was altered, or is not one of ours."""


class ExpiredLink(Exception):
    """The link was ours but has expired; the resident can still follow by number."""


@dataclass(frozen=True)
class Opened:
    case_id: int
    purpose: str
    expires: datetime


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def token(case_id: int, purpose: str, expires: datetime) -> str:
    if purpose not in PURPOSES:
        raise ValueError(purpose)
    value = f"{_b36(case_id)}.{purpose}.{_b36(int(expires.timestamp()))}"
    return signing.Signer(salt=SALT).sign(value)


def open_token(value: str) -> Opened:
    """The case, purpose and expiry a link names; BadLink or ExpiredLink otherwise."""
    try:
        plain = signing.Signer(salt=SALT).unsign(value)
        case_b36, purpose, expires_b36 = plain.split(".")
        case_id, expires_at = int(case_b36, 36), int(expires_b36, 36)
    except (signing.BadSignature, ValueError) as error:
        raise BadLink from error
    if purpose not in PURPOSES:
        raise BadLink
    expires = datetime.fromtimestamp(expires_at, tz=timezone.get_current_timezone())
    if clock.now() >= expires:
        raise ExpiredLink
    return Opened(case_id, purpose, expires)


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
