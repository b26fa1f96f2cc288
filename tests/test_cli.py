"""The `jiceng` command as operators call it: a separate process, its own database."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JICENG = Path(sys.executable).parent / "jiceng"


def _jiceng(home, *args, timeout=300):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="development",
        JICENG_LANGUAGE="en",  # tests assert the English source strings
        JICENG_HOME=str(home),
        DATABASE_URL=f"sqlite:///{home}/demo.sqlite3",
    )
    return subprocess.run(
        [str(JICENG), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo")
    result = _jiceng(home, "demo", "--scale", "small", "--no-serve", "--seed", "7")
    assert result.returncode == 0, result.stderr[-3000:]
    return home, result.stdout


def test_small_demo_loads_and_prints_one_login_per_role(demo_home):
    _, out = demo_home
    assert "Loaded" in out or "已加载" in out
    for username in ("admin", "dispatcher", "leader", "township", "cadre", "grid", "department"):
        assert f" {username}\n" in out + "\n"
    assert "jiceng-demo" in out


def test_running_the_demo_again_changes_nothing(demo_home):
    home, _ = demo_home
    again = _jiceng(home, "demo", "--scale", "small", "--no-serve")
    assert again.returncode == 0
    assert "--reset" in again.stdout


def test_demo_history_verifies_and_the_sweep_runs(demo_home):
    home, _ = demo_home
    verified = _jiceng(home, "verify-history")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    swept = _jiceng(home, "sweep")
    assert swept.returncode == 0 and "escalated" in swept.stdout


def test_anchor_then_verify_names_a_case_deleted_behind_the_chains_back(demo_home, tmp_path):
    home, _ = demo_home
    shutil.copy(home / "demo.sqlite3", tmp_path / "demo.sqlite3")
    shutil.copy(home / "keys.env", tmp_path / "keys.env")
    anchor = tmp_path / "anchor.jsonl"
    written = _jiceng(tmp_path, "anchor", "--output", str(anchor))
    assert written.returncode == 0 and "anchored" in written.stdout, written.stderr[-2000:]
    clean = _jiceng(tmp_path, "verify-history", "--anchor", str(anchor), "--files")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    with sqlite3.connect(tmp_path / "demo.sqlite3") as db:
        case_id, number = db.execute(
            "SELECT id, number FROM cases_case WHERE id NOT IN "
            "(SELECT case_id FROM cases_rating) AND merged_into_id IS NULL AND id NOT IN "
            "(SELECT merged_into_id FROM cases_case WHERE merged_into_id IS NOT NULL) "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        for table in ("cases_caseattachment", "cases_caseevent", "cases_casesearch"):
            db.execute(f"DELETE FROM {table} WHERE case_id = ?", [case_id])
        db.execute("DELETE FROM cases_case WHERE id = ?", [case_id])
    assert _jiceng(tmp_path, "verify-history").returncode == 0  # the chain alone cannot see it
    caught = _jiceng(tmp_path, "verify-history", "--anchor", str(anchor))
    assert caught.returncode == 1
    assert f"case {number}: case deleted" in caught.stdout


def test_manage_passes_through_to_django(demo_home):
    home, _ = demo_home
    result = _jiceng(home, "manage", "showmigrations", "cases")
    assert result.returncode == 0 and "[X] 0001_initial" in result.stdout


def test_every_contract_command_answers_help(tmp_path):
    commands = ("demo", "serve", "worker", "import-divisions", "sweep", "verify-history", "anchor")
    commands += ("backup", "restore", "keys", "setup-units")
    for command in commands:
        result = _jiceng(tmp_path, command, "--help", timeout=60)
        assert result.returncode == 0 and "usage: jiceng" in result.stdout, command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _post(url: str, key: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(  # noqa: S310 - loopback, http only
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-API-Key": key},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.status, json.loads(response.read())


def test_several_server_processes_take_concurrent_submissions_on_one_sqlite_file(demo_home):
    # Two processes write one SQLite file at once: every submission lands exactly once.
    home, _ = demo_home
    made = _jiceng(
        home,
        "apikey",
        "create",
        "--name",
        "serve-test",
        "--role",
        "dispatcher",
        "--jurisdiction",
        "330681",
    )
    assert made.returncode == 0, made.stderr[-2000:]
    key = made.stdout.strip().splitlines()[-1]
    port, log = _free_port(), home / "access.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="development",
        JICENG_HOME=str(home),
        DATABASE_URL=f"sqlite:///{home}/demo.sqlite3",
    )
    args = ["serve", "--port", str(port), "--workers", "2", "--threads", "2"]
    server = subprocess.Popen(
        [str(JICENG), *args, "--access-log", str(log)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):  # noqa: S310
                    break
            except OSError:
                time.sleep(0.2)
        body = {"category": "transport", "division": "330681109002", "description": "路灯坏了"}
        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(
                pool.map(
                    lambda n: _post(
                        f"{base}/api/v1/cases", key, {**body, "phone": f"1390000{n:04d}"}
                    ),
                    range(24),
                )
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert [status for status, _ in answers] == [201] * 24
    assert len({answer["number"] for _, answer in answers}) == 24
    assert log.read_text().count("POST /api/v1/cases") == 24
    verified = _jiceng(home, "verify-history")
    assert verified.returncode == 0, verified.stdout + verified.stderr
