"""A failed call or a gateway's error code as an outcome, with a short fixed reason."""

from __future__ import annotations

from jiceng.notices.channels.outcomes import Outcome, Refused, Retry


def by_code(code: str, *, retry: tuple[str, ...]) -> Outcome:
    """A gateway's error code as an outcome: tried again when it starts with one of
    ``retry`` (limits, the gateway's own faults, credentials an operator can fix), else
    refused for good (the number, the template, the signature). The reason is the code
    alone: a gateway's free-text message may quote the phone number."""
    code = code or "unknown error"
    if code.startswith(retry):
        return Retry(code[:200])
    return Refused(code[:200])


def server_error(status: int) -> Retry:
    return Retry(f"gateway error {status}")
