"""Production refuses to start without its keys; development makes its own."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETUP = "import django; django.setup(); from django.conf import settings; print(settings.TIME_ZONE)"


def _run(tmp_path, code=SETUP, **env):
    # DJANGO_*: browser tests set DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy reports.
    leave_out = ("JICENG_", "DATABASE_URL", "DJANGO_")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(leave_out)}
    clean.update(DJANGO_SETTINGS_MODULE="jiceng.settings", JICENG_HOME=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_keys(tmp_path):
    result = _run(tmp_path, JICENG_ENV="production", JICENG_ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "JICENG_SECRET_KEY is required in production" in result.stderr


def test_production_starts_with_keys_from_files(tmp_path):
    (tmp_path / "s").write_text("a-long-production-secret-key-0123456789")
    (tmp_path / "d").write_text("dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=")
    result = _run(
        tmp_path,
        JICENG_ENV="production",
        JICENG_ALLOWED_HOSTS="example.org",
        JICENG_SECRET_KEY_FILE=str(tmp_path / "s"),
        JICENG_DATA_KEY_FILE=str(tmp_path / "d"),
        JICENG_TIME_ZONE="Asia/Urumqi",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Asia/Urumqi"


def test_development_generates_private_keys_once(tmp_path):
    assert _run(tmp_path, JICENG_ENV="development").returncode == 0
    keys = tmp_path / "keys.env"
    first = keys.read_text()
    assert "JICENG_DATA_KEY=" in first and oct(keys.stat().st_mode & 0o777) == "0o600"
    assert _run(tmp_path, JICENG_ENV="development").returncode == 0
    assert keys.read_text() == first


def test_bad_time_zone_is_named(tmp_path):
    result = _run(tmp_path, JICENG_ENV="development", JICENG_TIME_ZONE="Beijing")
    assert result.returncode != 0 and "JICENG_TIME_ZONE" in result.stderr


def test_postgresql_statements_are_prepared_unless_turned_off(tmp_path):
    """Behind a transaction-pooling PgBouncer (< 1.21) nothing may be prepared."""
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('prepare_threshold'))"
    )
    url = "postgres://postgres@127.0.0.1:5432/unused"  # settings only: nothing connects
    printed = []
    for switch in ({}, {"JICENG_DB_PREPARED": "false"}):
        done = _run(tmp_path, probe, JICENG_ENV="development", DATABASE_URL=url, **switch)
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout.strip())
    assert printed == ["5", "None"]


def test_ranking_minimum_of_rated_cases_is_read_strictly(tmp_path):
    code = "import django; django.setup(); from django.conf import settings; "
    code += "print(settings.JICENG_RANKING_MIN_RATED)"
    default = _run(tmp_path, code, JICENG_ENV="development")
    assert default.returncode == 0, default.stderr
    assert default.stdout.strip() == "10"
    five = _run(tmp_path, code, JICENG_ENV="development", JICENG_RANKING_MIN_RATED="5")
    assert five.stdout.strip() == "5"
    for bad in ("ten", "0"):
        result = _run(tmp_path, code, JICENG_ENV="development", JICENG_RANKING_MIN_RATED=bad)
        assert result.returncode != 0 and "JICENG_RANKING_MIN_RATED" in result.stderr


def test_rq_without_a_redis_url_names_both_variables(tmp_path):
    result = _run(tmp_path, JICENG_ENV="development", JICENG_TASKS_BACKEND="rq")
    assert result.returncode != 0
    assert "JICENG_TASKS_BACKEND=rq needs JICENG_REDIS_URL" in result.stderr


def test_a_redis_url_shares_queues_cache_and_sessions_between_nodes(tmp_path):
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.RQ_QUEUES['default']['URL'], "
        "s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, 'django_rq' in s.INSTALLED_APPS)"
    )
    (tmp_path / "redis").write_text("redis://127.0.0.1:6379/7\n")
    result = _run(
        tmp_path,
        probe,
        JICENG_ENV="development",
        JICENG_TASKS_BACKEND="rq",
        JICENG_REDIS_URL_FILE=str(tmp_path / "redis"),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_tasks_rq.backend.RQBackend",
        "redis://127.0.0.1:6379/7",
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "True",
    ]


def test_without_redis_the_database_queue_and_local_cache_are_used(tmp_path):
    probe = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.TASKS['default']['BACKEND'], s.CACHES['default']['BACKEND'], "
        "hasattr(s, 'RQ_QUEUES'), s.JICENG_TASK_RETENTION_DAYS)"
    )
    result = _run(tmp_path, probe, JICENG_ENV="development", JICENG_TASK_RETENTION_DAYS="30")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django_tasks_db.backend.DatabaseBackend",
        "django.core.cache.backends.locmem.LocMemCache",
        "False",
        "30",
    ]


def test_django_checks_pass_with_the_rq_backend(tmp_path):
    """django-tasks-rq checks that every task queue is one of django-rq's queues."""
    probe = "import django; django.setup(); from django.core.management import call_command; "
    probe += "call_command('check', fail_level='ERROR')"
    result = _run(
        tmp_path,
        probe,
        JICENG_ENV="development",
        JICENG_TASKS_BACKEND="rq",
        JICENG_REDIS_URL="redis://127.0.0.1:6379/7",  # nothing connects
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_bad_log_format_is_named(tmp_path):
    result = _run(tmp_path, JICENG_ENV="development", JICENG_LOG_FORMAT="xml")
    assert result.returncode != 0 and "JICENG_LOG_FORMAT must be one of text, json" in result.stderr


def test_json_logs_are_one_object_a_line(tmp_path):
    code = "import django, logging; django.setup(); logging.getLogger('jiceng').warning('hello')"
    result = _run(tmp_path, code, JICENG_ENV="development", JICENG_LOG_FORMAT="json")
    assert result.returncode == 0, result.stderr
    (line,) = result.stderr.splitlines()
    entry = json.loads(line)
    assert {key: entry[key] for key in ("level", "logger", "message")} == {
        "level": "WARNING",
        "logger": "jiceng",
        "message": "hello",
    }
    assert entry["time"].endswith("+08:00")


def _production_keys(tmp_path) -> dict[str, str]:
    from cryptography.fernet import Fernet

    (tmp_path / "secret_key").write_text("k" + "-".join(str(n) for n in range(40)))
    (tmp_path / "data_key").write_text(Fernet.generate_key().decode())
    return {
        "JICENG_ENV": "production",
        "JICENG_ALLOWED_HOSTS": "12345.example.cn",
        "JICENG_SECRET_KEY_FILE": str(tmp_path / "secret_key"),
        "JICENG_DATA_KEY_FILE": str(tmp_path / "data_key"),
    }


def test_production_refuses_a_wildcard_host(tmp_path):
    env = {**_production_keys(tmp_path), "JICENG_ALLOWED_HOSTS": "12345.example.cn,*"}
    result = _run(tmp_path, **env)
    assert result.returncode != 0 and "JICENG_ALLOWED_HOSTS must name" in result.stderr


def test_production_refuses_a_data_key_that_is_not_a_fernet_key(tmp_path):
    env = _production_keys(tmp_path)
    (tmp_path / "data_key").write_text("my-county-password")
    result = _run(tmp_path, **env)
    assert result.returncode != 0 and "JICENG_DATA_KEY must be a Fernet key" in result.stderr


def test_untrusted_proxy_lists_are_named(tmp_path):
    result = _run(tmp_path, JICENG_ENV="development", JICENG_TRUSTED_PROXIES="nginx")
    assert result.returncode != 0 and "JICENG_TRUSTED_PROXIES" in result.stderr


def test_the_public_url_is_trusted_for_forms_and_tls_is_read_from_the_proxy(tmp_path):
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.CSRF_TRUSTED_ORIGINS, settings.SECURE_PROXY_SSL_HEADER)"
    )
    result = _run(
        tmp_path,
        probe,
        JICENG_ENV="development",
        JICENG_PUBLIC_URL="https://12345.Example.cn/",
        JICENG_CSRF_TRUSTED_ORIGINS="https://old.example.cn",
        JICENG_BEHIND_TLS_PROXY="true",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("] ")[0] == "['https://12345.example.cn', 'https://old.example.cn'"
    assert "('HTTP_X_FORWARDED_PROTO', 'https')" in result.stdout


def _example_env(tmp_path) -> dict[str, str]:
    example = ROOT / "deploy" / "jiceng.env.example"
    pairs = (line.split("=", 1) for line in example.read_text().splitlines() if "=" in line)
    documented = {k: v for k, v in pairs if not k.startswith("#")}
    keys = _production_keys(tmp_path)
    documented.update({k: v for k, v in keys.items() if k.endswith("_FILE")})
    # Only the database moves: the check needs none, and a test must not need a server.
    documented.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    documented.pop("JICENG_HOME")
    return documented


def test_the_documented_production_settings_pass_django_deployment_checks(tmp_path):
    check = (
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['jiceng', 'check', '--deploy', '--fail-level', 'WARNING'])"
    )
    result = _run(tmp_path, check, **_example_env(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stderr


def test_a_malformed_old_data_key_stops_the_start_naming_the_variable(tmp_path):
    good = "dGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE="
    (tmp_path / "old").write_text(f"{good}, not-a-fernet-key\n")
    result = _run(
        tmp_path, JICENG_ENV="development", JICENG_DATA_KEYS_OLD_FILE=str(tmp_path / "old")
    )
    assert result.returncode != 0
    assert "JICENG_DATA_KEYS_OLD must be Fernet keys separated by commas; key 2" in result.stderr
    assert "not-a-fernet-key" not in result.stderr


def test_a_pinned_history_key_of_the_wrong_length_is_refused(tmp_path):
    result = _run(tmp_path, JICENG_ENV="development", JICENG_HISTORY_KEY="c2hvcnQ=")
    assert result.returncode != 0 and "JICENG_HISTORY_KEY must be 64 bytes" in result.stderr


def test_postgresql_connections_ask_for_no_jit_unless_allowed(tmp_path):
    """JIT compiling a statement over monthly partitions cost more than running it."""
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['OPTIONS'].get('options'))"
    )
    url = "postgres://postgres@127.0.0.1:5432/unused"  # settings only: nothing connects
    printed = []
    for switch in ({}, {"JICENG_DB_JIT": "true"}):
        done = _run(tmp_path, probe, JICENG_ENV="development", DATABASE_URL=url, **switch)
        assert done.returncode == 0, done.stderr
        printed.append(done.stdout.strip())
    assert printed == ["-c jit=off", "None"]


@pytest.mark.django_db
def test_the_servers_own_connection_has_jit_off():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no JIT")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
