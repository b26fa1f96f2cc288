"""The two ways a key is refused: reused for another request, or still being worked on."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.errors import Conflict, JicengError


class KeyReused(Exception):
    """The same key came back with a different request."""


class KeyInProgress(Conflict):
    """The first request with this key is still running; the client should retry."""

    code = "idempotency_key_in_progress"

    def __init__(self) -> None:
        JicengError.__init__(
            self,
            _("A request with this Idempotency-Key is still being processed. Retry shortly."),
        )
