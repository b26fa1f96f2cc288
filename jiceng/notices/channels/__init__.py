"""Channels behind one interface: a backend takes a batch of outgoing messages and answers,
for each, whether the gateway took it, should be tried again later, or refused it for good.

Backends are chosen by settings (``JICENG_SMS_BACKEND``, ``JICENG_EMAIL_BACKEND``, see
docs/notifications.md) and built once per process by :func:`backend`. A backend must be
safe to call from several threads; ``send`` may use them to keep a slow gateway busy.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.module_loading import import_string

from jiceng.core.memo import memo
from jiceng.notices.channels.base import Backend as Backend
from jiceng.notices.channels.base import Disabled as Disabled
from jiceng.notices.channels.base import Outgoing as Outgoing
from jiceng.notices.channels.outcomes import Outcome as Outcome
from jiceng.notices.channels.outcomes import Refused as Refused
from jiceng.notices.channels.outcomes import Retry as Retry
from jiceng.notices.channels.outcomes import Sent as Sent


def backend(channel: str) -> Backend:
    """The configured backend of ``channel`` ("sms" or "email"), built once per process."""
    return _built(settings.JICENG_NOTICE_BACKENDS[channel])


# Keyed by the class's path, so a change of settings builds the new backend.
@memo("notices.backends")
def _built(path: str) -> Backend:
    return import_string(path)()  # type: ignore[no-any-return]
