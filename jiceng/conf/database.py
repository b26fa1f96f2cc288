"""The database: SQLite by default, PostgreSQL from a URL, each with the options it needs."""

from __future__ import annotations

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.database_postgresql import postgresql_config
from jiceng.conf.database_sqlite import sqlite_config
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
        return sqlite_config(config)
    if "postgresql" in engine:
        return postgresql_config(config)
    raise ImproperlyConfigured("DATABASE_URL must be sqlite:// or postgres://")


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
