"""Log lines: one record a line with ISO time, level, logger and message; 4xx without traces.

The output is captured from the project's own LOGGING setting (text, the default) and
from the JSON variant ``JICENG_LOG_FORMAT=json`` selects.
"""

from __future__ import annotations

import copy
import io
import json
import logging
import logging.config
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from jiceng.core import logs
from jiceng.people.models import User

pytestmark = pytest.mark.django_db
LINE = re.compile(
    r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00 (DEBUG|INFO|WARNING|ERROR|CRITICAL) \S+ .+$"
)
Capture = Callable[[dict[str, Any]], io.StringIO]


@pytest.fixture
def capture() -> Iterator[Capture]:
    """Configure logging as given, writing to a string; the project's setting is put back."""

    def configure(config: dict[str, Any]) -> io.StringIO:
        config = copy.deepcopy(config)
        stream = io.StringIO()
        config["handlers"]["console"]["stream"] = stream
        logging.config.dictConfig(config)
        return stream

    yield configure
    logging.config.dictConfig(settings.LOGGING)


def _forbidden(client: Client, users: dict[str, User]) -> None:
    client.force_login(users["cadre"])
    assert client.get("/dashboard/?phone=13812345678").status_code == 403


def test_a_403_is_one_text_line_with_time_level_logger_and_no_traceback(
    client: Client, users: dict[str, User], capture: Capture
) -> None:
    output = capture(settings.LOGGING)
    _forbidden(client, users)
    lines = output.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert LINE.match(lines[0])
    assert " WARNING django.request Forbidden" in lines[0] and "/dashboard/" in lines[0]
    assert "Traceback" not in output.getvalue()


def test_json_lines_carry_path_and_status_but_no_query_or_phone(
    client: Client, users: dict[str, User], capture: Capture
) -> None:
    output = capture(logs.config(level="INFO", fmt="json", zone="Asia/Shanghai"))
    _forbidden(client, users)
    (line,) = output.getvalue().splitlines()
    entry = json.loads(line)
    assert entry.keys() == {"time", "level", "logger", "message", "path", "status"}
    assert (entry["level"], entry["logger"]) == ("WARNING", "django.request")
    assert (entry["path"], entry["status"]) == ("/dashboard/", 403)
    assert entry["time"].endswith("+08:00")
    assert "13812345678" not in line


def test_a_server_error_keeps_its_traceback(capture: Capture) -> None:
    output = capture(logs.config(level="INFO", fmt="json", zone="UTC"))
    try:
        raise RuntimeError("broken")
    except RuntimeError:
        logging.getLogger("django.request").error(
            "Internal Server Error: /x", exc_info=sys.exc_info(), extra={"status_code": 500}
        )
    (line,) = output.getvalue().splitlines()
    entry = json.loads(line)
    assert entry["status"] == 500 and "RuntimeError: broken" in entry["exception"]
    assert entry["time"].endswith("+00:00")


def test_records_below_the_level_are_left_out(capture: Capture) -> None:
    output = capture(logs.config(level="WARNING", fmt="text", zone="UTC"))
    logging.getLogger("jiceng.anything").info("quiet")
    logging.getLogger("jiceng.anything").warning("heard")
    (line,) = output.getvalue().splitlines()
    assert line.endswith(" WARNING jiceng.anything heard")
