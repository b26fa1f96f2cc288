"""A public submission admitted within the budgets, counted in the transaction that accepts it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.db import transaction

from jiceng.cases.admission.limits import Refused, keys
from jiceng.core import throttle

Made = TypeVar("Made")


def refusal(*, address: str, phone: str) -> str | None:
    """Why a public submission from ``address`` for ``phone`` is refused now; None if it is not.

    Counts nothing.
    """
    for key, (limit, seconds), message in keys(address, phone):
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
        for key, (limit, seconds), _message in keys(address, phone):
            throttle.hit(key, limit=limit, seconds=seconds)
    return made
