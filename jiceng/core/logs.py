"""Log records as one line each: ISO time, level, logger and message; as text or JSON.

``JICENG_LOG_FORMAT=json`` writes one JSON object per line for log collectors, with
the request's path and status where Django gives them. Neither format writes request
bodies, query strings or anything typed by residents: only the path is taken from the
request. Answers refused with a 4xx are logged without a traceback (Django attaches
one to every 403 and 400); the traceback of a server error is kept.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


def _moment(record: logging.LogRecord, zone: ZoneInfo) -> str:
    return datetime.fromtimestamp(record.created, zone).isoformat(timespec="milliseconds")


def _request_fields(record: logging.LogRecord) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    request = getattr(record, "request", None)
    path = getattr(request, "path", None)
    if isinstance(path, str):
        fields["path"] = path
    status = getattr(record, "status_code", None)
    if isinstance(status, int):
        fields["status"] = status
    return fields


class TextFormatter(logging.Formatter):
    def __init__(self, zone: str = "UTC") -> None:
        super().__init__()
        self.zone = ZoneInfo(zone)

    def format(self, record: logging.LogRecord) -> str:
        line = (
            f"{_moment(record, self.zone)} {record.levelname} {record.name} {record.getMessage()}"
        )
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    def __init__(self, zone: str = "UTC") -> None:
        super().__init__()
        self.zone = ZoneInfo(zone)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": _moment(record, self.zone),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_request_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class ClientErrorsWithoutTraceback(logging.Filter):
    """A 4xx is the client's mistake (or a refusal): a line says all there is to say."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = None
            record.exc_text = None
        return True


def config(*, level: str, fmt: str, zone: str) -> dict[str, Any]:
    """The ``LOGGING`` setting: everything to the console, Django's loggers included."""
    formatter = JsonFormatter if fmt == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"()": f"{__name__}.{formatter.__name__}", "zone": zone}},
        "filters": {"no_4xx_traceback": {"()": f"{__name__}.ClientErrorsWithoutTraceback"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "line",
                "filters": ["no_4xx_traceback"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own console handler (in DEBUG) would print every record a second time.
        "loggers": {"django": {"handlers": [], "level": level, "propagate": True}},
    }
