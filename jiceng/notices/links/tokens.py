"""Signing a link's token (case, purpose, expiry) and opening it again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core import signing
from django.utils import timezone

from jiceng.core import clock

SALT = "jiceng.notices.links"
FOLLOW = "f"  # follow the case
RATE = "r"  # follow it and rate its resolution
PURPOSES = (FOLLOW, RATE)


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
