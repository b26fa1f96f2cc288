"""Two web nodes on one database and one Redis answer as one site.

Two ``jiceng serve`` processes on two ports, like two machines behind a load balancer
(one cookie jar for both: cookies do not depend on the port). A third process changes
data as an administrator would. Skipped without Redis.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import requests
from django.conf import settings

pytestmark = pytest.mark.slow
REDIS = os.environ.get("JICENG_REDIS_URL") or "redis://127.0.0.1:6379/13"
JICENG = str(Path(sys.executable).with_name("jiceng"))
USER = "nodes_resident"
PASSWORD = "pw-9xq"


def _redis_answers() -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(REDIS, socket_timeout=2).ping())
    except redis.RedisError:
        return False


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database of their own: PostgreSQL when the tests run on it, else a SQLite file."""
    primary = settings.DATABASES["default"]
    if "postgresql" not in str(primary["ENGINE"]):
        yield f"sqlite:///{tmp_path_factory.mktemp('nodes')}/jiceng.sqlite3"
        return
    name = f"jiceng_nodes_{os.getpid()}"
    server = f"postgres://{primary['USER']}@{primary['HOST'] or '127.0.0.1'}:{primary['PORT']}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="module")
def environment(database: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if not _redis_answers():
        pytest.skip(f"no Redis answers at {REDIS}: several nodes need it")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_"))}
    home = tmp_path_factory.mktemp("home")
    clean.update(JICENG_ENV="test", JICENG_HOME=str(home), DATABASE_URL=database)
    clean.update(JICENG_REDIS_URL=REDIS, JICENG_LANGUAGE="en", JICENG_TASKS_BACKEND="immediate")
    return clean


def _manage(environment: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [JICENG, "manage", *args], env=environment, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _as_admin(environment: dict[str, str], code: str) -> None:
    """A change made by a third process, as the admin pages of any node would make it."""
    _manage(
        environment, "shell", "-c", f"from jiceng.people.models import User; PW='pw-9xq'; {code}"
    )


@pytest.fixture(scope="module")
def nodes(environment: dict[str, str]) -> Iterator[list[str]]:
    _manage(environment, "migrate", "-v0")
    _as_admin(
        environment, f"User.objects.create_user('{USER}', password='pw-9xq', role='resident')"
    )
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(
            [JICENG, "serve", "--port", str(port), "--workers", "1", "--threads", "2"],
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        addresses = [f"http://127.0.0.1:{port}" for port in ports]
        for address in addresses:
            _wait_for(address)
        yield addresses
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)


def _wait_for(address: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{address}/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:  # not listening yet, or still warming up
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{address} did not start")


def _browser() -> requests.Session:
    """One cookie jar for both nodes, a new connection for each request: a kept-alive one
    can be closed by the server (gunicorn keeps one alive 2 s) while an admin command runs, and
    the next request on it then fails with no response."""
    browser = requests.Session()
    browser.headers["Connection"] = "close"
    return browser


def _token(page: requests.Response) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert found, page.text[:500]
    return found.group(1)


def _logged_in_as(browser: requests.Session, node: str) -> str | None:
    """The user a node's page says is logged in, or None."""
    found = re.search(r"Log out \(([^)]+)\)", browser.get(f"{node}/", timeout=10).text)
    return found.group(1) if found else None


def _log_in(browser: requests.Session, node: str) -> None:
    page = browser.get(f"{node}/login/", timeout=10)
    form = {"username": USER, "password": PASSWORD, "csrfmiddlewaretoken": _token(page)}
    done = browser.post(f"{node}/login/", data=form, headers={"Referer": f"{node}/login/"})
    assert done.status_code == 200 and done.history, done.text[:500]


def test_a_session_made_on_one_node_is_valid_on_the_other_until_logged_out(nodes):
    a, b = nodes
    browser = _browser()
    assert _logged_in_as(browser, b) is None
    _log_in(browser, a)
    assert _logged_in_as(browser, a) == _logged_in_as(browser, b) == USER
    page = browser.get(f"{a}/", timeout=10)
    browser.post(f"{a}/logout/", data={"csrfmiddlewaretoken": _token(page)})
    assert _logged_in_as(browser, b) is None and _logged_in_as(browser, a) is None


def test_a_deactivated_user_is_refused_by_both_nodes_at_once(nodes, environment):
    a, b = nodes
    browser = _browser()
    _log_in(browser, a)
    assert _logged_in_as(browser, b) == USER
    _as_admin(environment, f"User.objects.filter(username='{USER}').update(is_active=False)")
    try:
        assert _logged_in_as(browser, a) is None and _logged_in_as(browser, b) is None
    finally:
        _as_admin(environment, f"User.objects.filter(username='{USER}').update(is_active=True)")
