"""The `jiceng` command as operators call it: a separate process, its own database."""

import os
import subprocess
import sys
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


def test_manage_passes_through_to_django(demo_home):
    home, _ = demo_home
    result = _jiceng(home, "manage", "showmigrations", "cases")
    assert result.returncode == 0 and "[X] 0001_initial" in result.stdout


def test_every_contract_command_answers_help(tmp_path):
    for command in ("demo", "serve", "worker", "import-divisions", "sweep", "verify-history"):
        result = _jiceng(tmp_path, command, "--help", timeout=60)
        assert result.returncode == 0 and "usage: jiceng" in result.stdout, command
