"""A request's state in the words a resident uses: a short label, or a whole sentence."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import EventKind, State

# Short labels for the public board; the follow page says more (see state_sentence).
STATE_LABELS: dict[str, Promise] = {
    State.SUBMITTED: _("Received"),
    State.DISPATCHED: _("Sent to the unit"),
    State.ACCEPTED: _("Being handled"),
    State.RESOLVED: _("Solved, waiting for the resident's rating"),
    State.CLOSED: _("Closed"),
    State.MERGED: _("Handled with another request"),
    State.QUARANTINED: _("Received, being checked"),
}

# An open request handled again says why, instead of "Sent to the unit" for both.
AGAIN_LABELS: dict[str, Promise] = {
    EventKind.REOPEN: _("Reopened: being handled again"),
    EventKind.ESCALATE: _("Escalated to a higher level"),
}


def state_sentence(state: str, unit: str) -> str:
    sentences = {
        State.SUBMITTED: _(
            "Received. The hotline centre will send it to the unit that handles it."
        ),
        State.DISPATCHED: _("Sent to %(unit)s, waiting for them to take it on."),
        State.ACCEPTED: _("%(unit)s is working on it."),
        State.RESOLVED: _("%(unit)s says it is solved. Please tell us whether it is."),
        State.CLOSED: _("Closed."),
        State.MERGED: _("Handled together with another request about the same problem."),
        State.QUARANTINED: _("Received. The hotline centre checks it before sending it on."),
    }
    return str(sentences[State(state)]) % {"unit": unit}
