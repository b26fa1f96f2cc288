"""DATABASE_REPLICA_URL: a second alias behind a router, only with a PostgreSQL primary."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHOW = (
    "import django, json; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'aliases': sorted(s.DATABASES), 'routers': s.DATABASE_ROUTERS, "
    "'replica': s.DATABASES.get('replica'), 'middleware': s.MIDDLEWARE[-1]}, default=str))"
)


def _settings(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_"))}
    clean.update(DJANGO_SETTINGS_MODULE="jiceng.settings", JICENG_HOME=str(tmp_path))
    clean.update(JICENG_ENV="test", **env)
    return subprocess.run(
        [sys.executable, "-c", SHOW], cwd=ROOT, env=clean, capture_output=True, text=True
    )


def test_without_a_replica_url_there_is_one_database_and_no_router(tmp_path):
    shown = json.loads(_settings(tmp_path, DATABASE_URL="postgres://u@db:5432/j").stdout)
    assert shown["aliases"] == ["default"] and shown["routers"] == []
    assert "replica" not in shown["middleware"]


def test_a_replica_url_adds_the_alias_the_router_and_the_middleware(tmp_path):
    done = _settings(
        tmp_path,
        DATABASE_URL="postgres://u@primary:5432/j",
        DATABASE_REPLICA_URL="postgres://reader@standby:5433/j",
    )
    shown = json.loads(done.stdout)
    replica = shown["replica"]
    assert shown["aliases"] == ["default", "replica"]
    assert shown["routers"] == ["jiceng.core.db.replica.router.ReplicaRouter"]
    assert shown["middleware"] == "jiceng.core.db.replica.middleware.ReplicaMiddleware"
    assert (replica["HOST"], replica["PORT"], replica["USER"]) == ("standby", 5433, "reader")
    assert replica["TEST"]["MIRROR"] == "default"  # tests never create a database there
    assert replica["OPTIONS"]["connect_timeout"] == 3


def test_a_replica_of_sqlite_is_refused_with_the_variables_name(tmp_path):
    done = _settings(tmp_path, DATABASE_REPLICA_URL="postgres://reader@standby:5433/j")
    assert done.returncode != 0
    assert "DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL" in done.stderr
