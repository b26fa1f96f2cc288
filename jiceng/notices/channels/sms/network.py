"""A short, fixed reason for a call that failed on the network."""

from __future__ import annotations

import socket


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
