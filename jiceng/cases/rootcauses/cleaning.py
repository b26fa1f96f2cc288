"""A root cause as chosen on resolve, checked against the category's list, as event data."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases.rootcauses.offered import choices
from jiceng.core.errors import InvalidInput

MAX_TEXT = 300
ROOT_CAUSE = "root_cause"
ROOT_CAUSE_TEXT = "root_cause_text"


def clean(category: str, code: str, text: str) -> dict[str, str]:
    """The event data of a root cause, or {} when none is given; InvalidInput if not allowed."""
    code, text = code.strip(), " ".join(text.split())
    if not code and not text:
        return {}
    if not code:
        raise InvalidInput(_("Choose a root cause for the explanation."), field=ROOT_CAUSE)
    if code not in dict(choices(category)):
        raise InvalidInput(_("This root cause is not in the category's list."), field=ROOT_CAUSE)
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            _("Explain the root cause in at most %(n)d characters.") % {"n": MAX_TEXT},
            field=ROOT_CAUSE_TEXT,
        )
    return {ROOT_CAUSE: code, ROOT_CAUSE_TEXT: text} if text else {ROOT_CAUSE: code}
