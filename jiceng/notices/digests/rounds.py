"""Digest rounds: a digest's key names its round, so two workers write it once."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings


def round_of(now: datetime) -> str:
    """The digest round ``now`` falls in: rounds start every JICENG_DIGEST_MINUTES."""
    minutes = settings.JICENG_DIGEST_MINUTES
    start = int(now.timestamp()) // (minutes * 60) * minutes * 60
    return str(start)
