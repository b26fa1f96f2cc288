"""Log records as one JSON object a line, for log collectors: with the request's path and status."""

from __future__ import annotations

import json
import logging
from typing import Any
from zoneinfo import ZoneInfo

from jiceng.core.log_text import moment


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


class JsonFormatter(logging.Formatter):
    def __init__(self, zone: str = "UTC") -> None:
        super().__init__()
        self.zone = ZoneInfo(zone)

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": moment(record, self.zone),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_request_fields(record),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
