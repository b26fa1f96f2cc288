"""A failed call or a gateway's error code as an outcome, with a short fixed reason."""

from __future__ import annotations

import socket

from jiceng.notices.channels import Outcome, Refused, Retry


def network_reason(error: BaseException) -> str:
    """A short, fixed reason for a failed call, from the error or the errors it wraps.

    Never the error's own text: an SDK's error quotes the request's URL, and Aliyun's
    holds the phone number.
    """
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ConnectionRefusedError):
            return "connection refused"
        if isinstance(current, socket.timeout | TimeoutError):
            return "timed out"
        if isinstance(current, ValueError):
            return "unreadable answer"
        # Causes, contexts and the Aliyun SDK's wrapped exception.
        for inner in (
            current.__cause__,
            current.__context__,
            getattr(current, "inner_exception", None),
        ):
            if isinstance(inner, BaseException):
                pending.append(inner)
    text = str(error).lower()
    if "refused" in text:
        return "connection refused"
    if "timed out" in text or "timeout" in text:
        return "timed out"
    return f"network error ({type(error).__name__})"


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
