"""How long a message waits before it is tried again."""

from __future__ import annotations

import random
from datetime import timedelta

from django.conf import settings


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min, ... up to an hour (JICENG_OUTBOX_RETRY_SECONDS), with jitter."""
    base = settings.JICENG_OUTBOX_RETRY_SECONDS
    seconds = min(3600.0, base * 2 ** max(0, attempts - 1))
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))
