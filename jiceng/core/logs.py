"""Log records as one line each: ISO time, level, logger and message; as text or JSON.

``JICENG_LOG_FORMAT=json`` writes one JSON object per line for log collectors, with
the request's path and status where Django gives them. Neither format writes request
bodies, query strings or anything typed by residents: only the path is taken from the
request. Answers refused with a 4xx are logged without a traceback (Django attaches
one to every 403 and 400); the traceback of a server error is kept.
"""

from __future__ import annotations

from typing import Any

from jiceng.core.log_filters import ClientErrorsWithoutTraceback
from jiceng.core.log_json import JsonFormatter
from jiceng.core.log_text import TextFormatter


def config(*, level: str, fmt: str, zone: str) -> dict[str, Any]:
    """The ``LOGGING`` setting: everything to the console, Django's loggers included."""
    formatter = JsonFormatter if fmt == "json" else TextFormatter
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"line": {"()": formatter, "zone": zone}},
        "filters": {"no_4xx_traceback": {"()": ClientErrorsWithoutTraceback}},
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
