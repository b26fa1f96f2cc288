"""Messages of the outbox in words, for the inbox, the case page and the call list.

A message is worded from its template in the reader's language. What staff must not see
is left out: a resident's link (it opens the rating form without any digits, so a cadre
holding it could rate their own case) and personal numbers in a case title.
"""

from __future__ import annotations

import re
from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from jiceng.core import pii
from jiceng.notices import templates
from jiceng.notices.models import Message, Status
from jiceng.web.workbench.notice_reasons import reason

# A title shortened for an SMS parameter may end in the middle of a phone or ID number,
# which the masking no longer recognises as one: its digits after the first three are hidden.
CUT_NUMBER = re.compile(r"(\d{3})(\d+)…$")


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
