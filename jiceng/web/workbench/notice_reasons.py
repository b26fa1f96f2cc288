"""Why a message was not sent, in the reader's language, with any personal number masked."""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core import pii

# The outbox records its reasons in English (they also go to the worker's log); staff
# read them in their language. A gateway's own reason is shown as the gateway gave it.
REASONS = {
    "not a mobile number": gettext_lazy("not a mobile number"),
    "quiet hours": gettext_lazy("quiet hours (no SMS 22:00–08:00)"),
    "opted out": gettext_lazy("the resident asked for no more SMS"),
    "daily limit for this phone": gettext_lazy("daily limit of SMS to this phone reached"),
    "no longer due": gettext_lazy("no longer due: the case moved on"),
    "channel switched off": gettext_lazy("this channel is switched off"),
    "personal data purged": gettext_lazy("the resident's personal data was deleted"),
    "no address on this channel": gettext_lazy("no phone or email address to send to"),
    "no recipient": gettext_lazy("no recipient"),
    "not delivered": gettext_lazy("the gateway could not deliver it"),
}

GAVE_UP = re.compile(r"^gave up after (\d+) tries: (.*)$", re.DOTALL)


def reason(text: str) -> str:
    """The outbox's reason in the reader's language, any personal number in it masked."""
    gave_up = GAVE_UP.match(text)
    if gave_up:
        tries, why = gave_up.groups()
        return _("gave up after %(tries)s tries: %(reason)s") % {
            "tries": tries,
            "reason": reason(why),
        }
    known = REASONS.get(text)
    return str(known) if known is not None else pii.mask_text(text)
