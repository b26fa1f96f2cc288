"""A database outage, for real: ``jiceng serve`` runs against PostgreSQL through a loopback
forwarder that the test cuts and restores.

While the database is unreachable every surface answers 503 with ``Retry-After`` in its
own format (the API's error JSON, Open311's error list in JSON and XML, a localised web
page with a way back), ``/healthz`` stays 200 and ``/readyz`` says the database failed.
When the forwarder comes back the same server answers again, without a restart.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from django.db import connection
from forwarder import LOOPBACK, Forwarder, free_port

from jiceng.people.models import User

from factories import submit

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]
START_SECONDS = 90
RECOVER_SECONDS = 20


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> object:
        return json.loads(self.body)


@dataclass
class Server:
    port: int
    key: str

    def get(self, path: str, **headers: str) -> Answer:
        request = urllib.request.Request(f"http://{LOOPBACK}:{self.port}{path}", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=15) as response:  # noqa: S310
                return Answer(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, dict(error.headers), error.read())

    def api(self, path: str) -> Answer:
        return self.get(path, **{"X-API-Key": self.key})


def _until(seconds: float, ready: Callable[[], bool]) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.25)
    raise AssertionError(f"not ready after {seconds} s")


def _answers(server: Server, path: str) -> bool:
    try:
        return server.get(path).status == 200
    except OSError:  # not listening yet
        return False


@pytest.fixture
def forwarder() -> Iterator[Forwarder]:
    settings = connection.settings_dict
    target = int(settings.get("PORT") or 5432)
    assert settings.get("HOST") in ("127.0.0.1", "localhost"), "loopback only"
    forwarder = Forwarder(target)
    forwarder.restore()
    yield forwarder
    forwarder.cut()


@pytest.fixture
def server(forwarder: Forwarder, keys: dict[str, str], tmp_path: Path) -> Iterator[Server]:
    port = free_port()
    name = connection.settings_dict["NAME"]
    environ = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@{LOOPBACK}:{forwarder.port}/{name}",
        "JICENG_ENV": "test",
        "JICENG_HOME": str(tmp_path),
        "JICENG_TASKS_BACKEND": "immediate",
    }
    command = [str(Path(sys.executable).parent / "jiceng"), "serve", "--host", LOOPBACK]
    command += ["--port", str(port), "--workers", "1", "--threads", "2"]
    log = (tmp_path / "server.log").open("wb")
    process = subprocess.Popen(command, env=environ, stdout=log, stderr=subprocess.STDOUT)
    running = Server(port, keys["dispatcher"])
    try:
        _until(START_SECONDS, lambda: _answers(running, "/readyz"))
        yield running
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


def _api_unavailable(answer: Answer) -> None:
    assert answer.status == 503
    assert answer.headers["Content-Type"].startswith("application/json")
    assert int(answer.headers["Retry-After"]) > 0
    body = answer.json()
    assert isinstance(body, dict) and body["code"] == "unavailable" and body["message"]


def _everything_answers(server: Server) -> None:
    assert server.get("/api/v1/divisions?prefix=330681109").status == 200
    assert server.api("/api/v1/cases").status == 200
    assert server.get("/open311/v2/services.json?jurisdiction_id=330681").status == 200
    assert server.get("/board/").status == 200
    assert server.get("/readyz").status == 200


def test_an_outage_is_a_503_in_each_surfaces_format_and_the_server_recovers_by_itself(
    server: Server, forwarder: Forwarder, users: dict[str, User]
) -> None:
    submit(users)
    _everything_answers(server)

    forwarder.cut()
    _api_unavailable(server.get("/api/v1/divisions?prefix=330681109"))
    _api_unavailable(server.api("/api/v1/cases"))

    listed = server.get("/open311/v2/services.json?jurisdiction_id=330681")
    assert listed.status == 503 and int(listed.headers["Retry-After"]) > 0
    (error,) = listed.json()  # type: ignore[misc]
    assert error["code"] == 503 and "12345" in error["description"]
    xml = server.get("/open311/v2/services.xml?jurisdiction_id=330681")
    assert xml.status == 503 and xml.headers["Content-Type"].startswith("text/xml")
    assert ET.fromstring(xml.body).findtext("error/code") == "503"  # noqa: S314 — our own output

    page = server.get("/board/", **{"Accept-Language": "zh-hans"})
    assert page.status == 503 and page.headers["Content-Type"].startswith("text/html")
    assert int(page.headers["Retry-After"]) > 0
    text = page.body.decode()
    assert "服务暂时不可用" in text and "12345" in text
    assert 'href="/board/"' in text and "返回首页" in text  # try again, or go home

    assert server.get("/healthz").status == 200
    ready = server.get("/readyz")
    assert ready.status == 503
    assert ready.json() == {
        "ready": False,
        "checks": {
            "database": "failed (OperationalError)",
            "migrations": "not checked",
            "tasks": "not checked",
        },
    }

    forwarder.restore()
    _until(RECOVER_SECONDS, lambda: server.get("/readyz").status == 200)
    _everything_answers(server)
