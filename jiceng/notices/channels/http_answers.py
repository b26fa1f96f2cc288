"""A gateway's HTTP answer read as an outcome, by its status and its JSON fields."""

from __future__ import annotations

import requests

from jiceng.notices.channels import sms
from jiceng.notices.channels.outcomes import Outcome, Refused, Retry, Sent

# Answers that say "not now" rather than "never": throttled, a timeout at a proxy, or
# credentials an operator can fix while the messages wait.
RETRY_STATUSES = frozenset({401, 403, 408, 425, 429})


def outcome(answer: requests.Response, client_id: str) -> Outcome:
    status = answer.status_code
    if 200 <= status < 300 or status == 409:
        # 409: the gateway took this key before (a resend after a crash): sent, once.
        return Sent(provider_id=str(_field(answer, "id") or client_id))
    if status >= 500:
        return sms.server_error(status)
    if status in RETRY_STATUSES:
        return Retry(f"gateway said {status}")
    if 400 <= status < 500:
        reason = _field(answer, "reason") or _field(answer, "error")
        return Refused(sms.scrub(str(reason)) if reason else f"gateway refused ({status})")
    return Retry(f"unexpected answer {status}")


def _field(answer: requests.Response, name: str) -> object:
    try:
        data = answer.json()
    except ValueError:
        return None
    return data.get(name) if isinstance(data, dict) else None
