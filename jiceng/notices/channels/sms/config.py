"""The settings every SMS adapter reads once: credentials, template ids, the endpoint.

A gateway sends templates registered with it beforehand, under its own ids. The JSON file
named by JICENG_SMS_TEMPLATES maps our template codes to them
(``{"case_received": "SMS_465830012"}``); a code it leaves out is sent under our own
code, which suits gateways that let us register templates by name.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jiceng.notices.templates.catalogue import TEMPLATES


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
