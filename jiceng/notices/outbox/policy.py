"""What may be sent now: a planned message still relevant, to a well-formed mobile number.

Quiet hours are in ``quiet``; opt-outs and the per-phone daily limit in ``limits``.
"""

from __future__ import annotations

import re
from datetime import datetime

from jiceng.notices.models import Message

MOBILE = re.compile(r"^1[3-9]\d{9}$")


def still_due(row: Message) -> bool:
    """False when the case moved on since the message was planned (its ``expect``)."""
    expect = row.expect
    if not expect or row.case is None:
        return True
    case = row.case
    if "states" in expect and case.state not in expect["states"]:
        return False
    since = expect.get("since")
    return not (isinstance(since, str) and datetime.fromisoformat(since) != case.owner_since)
