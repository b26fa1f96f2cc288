"""What every SMS adapter shares: settings read once, template ids, numbers and reasons.

A gateway sends templates registered with it beforehand, under its own ids. The JSON file
named by JICENG_SMS_TEMPLATES maps our template codes to them
(``{"case_received": "SMS_465830012"}``); a code it leaves out is sent under our own
code, which suits gateways that let us register templates by name. docs/sms-gateways.md
describes each gateway's protocol and its failure modes.
"""

from __future__ import annotations

import json
import logging
import re
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jiceng.notices.channels import Outcome, Refused, Retry
from jiceng.notices.templates.catalogue import TEMPLATES

NATIONAL = re.compile(r"^(?:\+86|0086|86)?(1[3-9]\d{9})$")
LONG_NUMBER = re.compile(r"\+?\d[\d -]{5,}\d")


def required(name: str) -> str:
    """A setting the chosen SMS backend cannot work without."""
    value = str(getattr(settings, name, "") or "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"JICENG_SMS_BACKEND={settings.JICENG_SMS_BACKEND} needs {name} "
            f"(or {name}_FILE naming a file that holds it)"
        )
    return value


def setting(name: str, default: str) -> str:
    return str(getattr(settings, name, "") or "").strip() or default


# Loggers that write a request's URL or body at DEBUG: Aliyun's query string and Tencent's
# body hold the phone number, which must never reach a log, whatever JICENG_LOG_LEVEL says.
CHATTY_LOGGERS = ("urllib3.connectionpool", "tencentcloud_sdk_common")


def quiet_sdk_logs() -> None:
    for name in CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)


def template_ids() -> dict[str, str]:
    """Our template code → the gateway's template id, from the JICENG_SMS_TEMPLATES file."""
    path = settings.JICENG_SMS_TEMPLATES
    if not path:
        return {}
    try:
        loaded = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ImproperlyConfigured(
            f"JICENG_SMS_TEMPLATES names {path}, which cannot be read ({error.strerror})"
        ) from None
    except ValueError as error:
        raise ImproperlyConfigured(
            f"JICENG_SMS_TEMPLATES names {path}, which is not JSON ({error})"
        ) from None
    if not isinstance(loaded, dict) or not all(
        isinstance(key, str) and isinstance(value, str | int) for key, value in loaded.items()
    ):
        raise ImproperlyConfigured(
            f"JICENG_SMS_TEMPLATES names {path}, which must hold one JSON object "
            'mapping our template codes to the gateway\'s ids, e.g. {"case_received": "SMS_1"}'
        )
    unknown = sorted(set(loaded) - set(TEMPLATES))
    if unknown:
        raise ImproperlyConfigured(
            f"JICENG_SMS_TEMPLATES names {path}, which maps unknown template codes: "
            + ", ".join(unknown)
        )
    return {key: str(value) for key, value in loaded.items()}


@dataclass(frozen=True)
class Endpoint:
    """Where a cloud SDK sends: ``host[:port]`` and its scheme (http only for a loopback)."""

    scheme: str
    host: str


def endpoint(default_host: str) -> Endpoint:
    """JICENG_SMS_ENDPOINT as a host, or as a URL (``http://127.0.0.1:8025`` in tests)."""
    value = (settings.JICENG_SMS_ENDPOINT or "").strip() or default_host
    if "://" not in value:
        return Endpoint("https", value.rstrip("/"))
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ImproperlyConfigured(
            f"JICENG_SMS_ENDPOINT must be a host name or an http(s):// URL, not {value!r}"
        )
    return Endpoint(parts.scheme, parts.netloc)


class SmsSettings:
    """The settings every SMS adapter reads, once, when the backend is built."""

    def __init__(self) -> None:
        quiet_sdk_logs()
        self.sign_name = settings.JICENG_SMS_SIGN_NAME
        self.timeout = float(settings.JICENG_SMS_TIMEOUT)
        self.concurrency = int(settings.JICENG_SMS_CONCURRENCY)
        self._templates = template_ids()

    def template_id(self, code: str) -> str:
        return self._templates.get(code, code)


def national(phone: str) -> str:
    """A mainland mobile number as 11 digits (``13812345678``); other numbers unchanged."""
    match = NATIONAL.match(phone.strip().replace(" ", ""))
    return match.group(1) if match else phone.strip()


def e164(phone: str) -> str:
    """A mainland mobile number as ``+8613812345678``, the form Tencent and our HTTP take."""
    number = national(phone)
    return f"+86{number}" if NATIONAL.match(number) else number


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


def worded(params: Mapping[str, str]) -> str:
    """Template parameters as the JSON object Aliyun and our HTTP protocol take."""
    return json.dumps(dict(params), ensure_ascii=False, separators=(",", ":"))


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


def scrub(reason: str) -> str:
    """A gateway's own words, with any long run of digits (a phone number) blotted out."""
    return LONG_NUMBER.sub("…", reason.strip())[:200]
