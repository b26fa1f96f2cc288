"""Public submission limits: one rule for the resident portal and the public API.

The portal and the API used to keep separate budgets (the portal 10 an hour,
counted after success; the API 20 an hour, counted before, so refused and
retried requests used it up), and both keyed a daily quota on the phone
number alone. Nobody proves they own the phone they type, so anyone could
send five requests with a neighbour's number and lock the neighbour out for
a day. Now both channels call ``admit``, with one set of keys:

- **per address**: ``PER_ADDRESS`` submissions an hour from one client
  address, whatever the phone. This is what holds back a script.
- **per phone and address**: ``PER_PHONE_AT_ADDRESS`` submissions a day for
  one phone from one address. Flooding someone's number from another address
  uses up only that other address's budget, never the resident's own.

There is deliberately no quota on the phone alone: a key that a stranger can
fill must not be able to block its owner. Sending many requests *about* one
number needs many addresses, each still bounded by its hourly limit, and
unreviewed requests are not published (spam is held for the dispatcher).

A submission is counted once, in the same transaction that accepts it: a
refused or invalid one counts nothing, and a retry answered from the stored
answer of an ``Idempotency-Key`` never reaches ``admit``. Phones appear in
the keys only as their keyed digest (``crypto.blind_index``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core import throttle
from jiceng.core.crypto import blind_index
from jiceng.core.errors import JicengError

PER_ADDRESS = (10, 3600)  # (limit, window in seconds): generous for a family, tight for a script
PER_PHONE_AT_ADDRESS = (5, 86400)

Made = TypeVar("Made")


class Refused(JicengError):
    """Over a limit; nothing was written."""

    code = "throttled"


def _keys(address: str, phone: str) -> list[tuple[str, tuple[int, int], str]]:
    address = address or "unknown"
    digits = "".join(ch for ch in phone if ch.isdigit())
    return [
        (
            f"submit:ip:{address}",
            PER_ADDRESS,
            _(
                "Many requests were sent from this connection in the last hour. "
                "Please wait an hour, or call the 12345 hotline."
            ),
        ),
        (
            f"submit:phone:{blind_index(digits)}:ip:{address}",
            PER_PHONE_AT_ADDRESS,
            _(
                "This phone number has sent 5 requests today. "
                "Please try again tomorrow, or call the 12345 hotline."
            ),
        ),
    ]


def refusal(*, address: str, phone: str) -> str | None:
    """Why a public submission from ``address`` for ``phone`` is refused now; None if it is not.

    Counts nothing.
    """
    for key, (limit, seconds), message in _keys(address, phone):
        if throttle.blocked(key, limit=limit, seconds=seconds):
            return message
    return None


def admit(*, address: str, phone: str, submit: Callable[[], Made]) -> Made:
    """Run ``submit`` if the limits allow, and count it in the transaction that accepts it."""
    problem = refusal(address=address, phone=phone)
    if problem:
        raise Refused(problem)
    with transaction.atomic():
        made = submit()
        for key, (limit, seconds), _message in _keys(address, phone):
            throttle.hit(key, limit=limit, seconds=seconds)
    return made
