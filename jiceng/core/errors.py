"""Errors that users can act on. Each carries a machine code and a translated message."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


class JicengError(Exception):
    code = "error"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(JicengError):
    """Bad input for one field; nothing was written."""

    code = "invalid"


class IllegalTransition(JicengError):
    code = "illegal_transition"

    def __init__(self, *, action: str, state: str) -> None:
        super().__init__(
            _("Cannot %(action)s a case that is %(state)s.") % {"action": action, "state": state}
        )
        self.action = action
        self.state = state


class Conflict(JicengError):
    """Someone else changed the case first; reload and try again."""

    code = "conflict"

    def __init__(self, number: str) -> None:
        super().__init__(
            _("Case %(number)s was changed by someone else just now. Reload it and try again.")
            % {"number": number}
        )


class NotAllowed(JicengError, PermissionDenied):
    """Outside the user's jurisdiction or role. Views answer 403."""

    code = "forbidden"
