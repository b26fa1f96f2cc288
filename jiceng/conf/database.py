"""The database: SQLite by default, PostgreSQL from a URL, each with the options it needs."""

from __future__ import annotations

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_HOME
from jiceng.core import env


def _database() -> dict[str, object]:
    url = env.string(
        "DATABASE_URL",
        f"sqlite:///{JICENG_HOME / 'jiceng.sqlite3'}",
        help="sqlite:///path, or postgres://user@host:5432/db (postgres:///jiceng: local socket)",
    )
    try:
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from None
    engine = str(config["ENGINE"])
    if engine.endswith("sqlite3"):
        # Our backend queues write transactions of every process on one lock file
        # (jiceng.core.db.sqlite3); WAL lets readers run beside the one writer, and
        # IMMEDIATE takes SQLite's write lock at BEGIN, so a transaction never fails
        # half-way for want of it. Connections are kept, as on PostgreSQL: opening
        # one registers Django's SQL functions and runs the pragmas below.
        config["ENGINE"] = "jiceng.core.db.sqlite3"
        # Tests get Django's in-memory database, one per test process (pytest-django only
        # recognises Django's own engine name as one that needs no per-process suffix).
        config["TEST"] = {"NAME": ":memory:"}
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif "postgresql" in engine:
        # Django turns psycopg's prepared statements off for every query, to keep
        # transaction-pooling PgBouncers (before 1.21) working. The ORM's own queries are
        # never prepared either way (they bind on the client); only the hot read paths that
        # ask for it (jiceng.core.rows.statement_cursor) are, which saves PostgreSQL planning
        # them at every request. Set JICENG_DB_PREPARED=false behind such a pooler.
        options = dict(config.get("OPTIONS") or {})  # type: ignore[call-overload]
        prepared = env.boolean(
            "JICENG_DB_PREPARED",
            True,
            help="PostgreSQL: prepare the statements run at every request once per connection; "
            "false behind a transaction-pooling PgBouncer older than 1.21",
        )
        if prepared:
            options.setdefault("prepare_threshold", 5)
        config["OPTIONS"] = options
    else:
        raise ImproperlyConfigured("DATABASE_URL must be sqlite:// or postgres://")
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
