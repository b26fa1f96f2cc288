"""The two submission budgets (per address; per phone and address), and the refusal."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.crypto import blind_index
from jiceng.core.errors import JicengError

PER_ADDRESS = (10, 3600)  # (limit, window in seconds): generous for a family, tight for a script
PER_PHONE_AT_ADDRESS = (5, 86400)


class Refused(JicengError):
    """Over a limit; nothing was written."""

    code = "throttled"


def keys(address: str, phone: str) -> list[tuple[str, tuple[int, int], str]]:
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
