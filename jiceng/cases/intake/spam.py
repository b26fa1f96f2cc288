"""The spam check, on the public channels only."""

from __future__ import annotations

from jiceng.cases.intake.text import case_text
from jiceng.cases.models import Channel
from jiceng.textmining import SpamVerdict, check_spam

# Text typed by staff (phone, in person) is not checked: a dispatcher does not spam.
SPAM_CHECKED_CHANNELS = frozenset({Channel.WEB, Channel.API, Channel.OPEN311})


def spam_verdict(*, channel: str, title: str, description: str) -> SpamVerdict | None:
    """The spam check's verdict for public channels, None where no check applies."""
    if channel not in SPAM_CHECKED_CHANNELS:
        return None
    return check_spam(case_text(title, description))
