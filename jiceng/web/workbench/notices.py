"""Messages of the outbox in words, for the inbox, the case page and the call list.

A message is worded from its template in the reader's language. What staff must not see
is left out: a resident's link (it opens the rating form without any digits, so a cadre
holding it could rate their own case) and personal numbers in a case title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core import pii
from jiceng.notices import templates
from jiceng.notices.models import Message, Status

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
# A title shortened for an SMS parameter may end in the middle of a phone or ID number,
# which the masking no longer recognises as one: its digits after the first three are hidden.
CUT_NUMBER = re.compile(r"(\d{3})(\d+)…$")


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


def worded(message: Message) -> str:
    """The message as its recipient reads it, minus a resident's link and personal numbers."""
    template = templates.TEMPLATES.get(message.template)
    if template is None:
        return message.template
    params = dict(message.params)
    if "title" in params:
        params["title"] = _masked_title(str(params["title"]))
    if template.audience == templates.RESIDENT and "link" in params:
        params["link"] = _("(the resident's own link)")
    return templates.render(message.template, params)


def _masked_title(title: str) -> str:
    masked = pii.mask_text(title)
    return CUT_NUMBER.sub(lambda cut: cut.group(1) + "*" * len(cut.group(2)) + "…", masked)


def _when(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def status_words(message: Message) -> str:
    """Where the message stands: waiting (until when, and why), sent, delivered, failed..."""
    status = message.status
    if status == Status.PENDING:
        words = _("waiting, next try %(when)s") % {"when": _when(message.not_before)}
        if message.error:
            words += " · " + _("last: %(reason)s") % {"reason": reason(message.error)}
        return words
    if status == Status.SENDING:
        return str(Status.SENDING.label)
    if status == Status.SENT:
        return _("sent %(when)s") % {"when": _when(message.sent_at)}
    if status == Status.DELIVERED:
        return _("delivered %(when)s") % {"when": _when(message.delivered_at)}
    if status == Status.FAILED:
        return _("failed: %(reason)s") % {"reason": reason(message.error or "")}
    return _("not sent: %(reason)s") % {"reason": reason(message.error or "")}


def recipient(message: Message) -> str:
    """Who it is for, as staff may see it: a resident by their masked phone."""
    if message.resident_id is not None and message.resident is not None:
        return message.resident.phone_masked or _("the resident")
    if message.user_id is not None and message.user is not None:
        return message.user.get_full_name() or message.user.get_username()
    if message.unit_id is not None and message.unit is not None:
        return message.unit.name
    return "—"


@dataclass(frozen=True)
class Line:
    """One message of a case, ready to draw."""

    channel: str
    recipient: str
    text: str
    status: str
    css: str
    attempts: int
    at: datetime
    called_at: datetime | None


STATUS_CSS = {
    Status.PENDING: "waiting",
    Status.SENDING: "waiting",
    Status.SENT: "sent",
    Status.DELIVERED: "delivered",
    Status.FAILED: "failed",
    Status.CANCELLED: "not-sent",
}


def lines(messages: list[Message]) -> list[Line]:
    return [
        Line(
            channel=message.get_channel_display(),
            recipient=recipient(message),
            text=worded(message),
            status=status_words(message),
            css=STATUS_CSS.get(message.status, ""),
            attempts=message.attempts,
            at=message.created_at,
            called_at=message.called_at,
        )
        for message in messages
    ]
