"""Log records as one line of text each: ISO time, level, logger and message."""

from __future__ import annotations

import logging
from datetime import datetime
from zoneinfo import ZoneInfo


def moment(record: logging.LogRecord, zone: ZoneInfo) -> str:
    return datetime.fromtimestamp(record.created, zone).isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    def __init__(self, zone: str = "UTC") -> None:
        super().__init__()
        self.zone = ZoneInfo(zone)

    def format(self, record: logging.LogRecord) -> str:
        line = f"{moment(record, self.zone)} {record.levelname} {record.name} {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line
