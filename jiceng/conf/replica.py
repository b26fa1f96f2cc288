"""A streaming read replica: which reads may go to it, and when it is skipped.

With ``DATABASE_REPLICA_URL`` set, the dashboard, its exports and the case lists read
from the replica (jiceng.core.db.replica). Writes, logins and everything else read the
primary; so does a browser for ``JICENG_REPLICA_STICKY_SECONDS`` after it wrote, so
that people see their own changes. A replica further behind than
``JICENG_REPLICA_MAX_LAG`` seconds, or down, is skipped. docs/scale.md explains it.
"""

from __future__ import annotations

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.database import DATABASES
from jiceng.core import env
from jiceng.core.db.replica.state import REPLICA

env.section("Read replica", doc="scale.md")
_url = env.string(
    "DATABASE_REPLICA_URL",
    "",
    help="postgres://user@replica-host:5432/db: a streaming replica of DATABASE_URL; the "
    "dashboard, exports and case lists read from it (PostgreSQL only)",
)
JICENG_REPLICA_MAX_LAG = env.integer(
    "JICENG_REPLICA_MAX_LAG",
    30,
    minimum=1,
    help="seconds a replica may be behind the primary; further behind, or down, it is "
    "skipped and the primary serves",
)
JICENG_REPLICA_STICKY_SECONDS = env.integer(
    "JICENG_REPLICA_STICKY_SECONDS",
    15,
    minimum=0,
    help="after a request that wrote, the same browser reads the primary this long, so "
    "that nobody reads a page older than their own change",
)
JICENG_REPLICA_VIEWS = env.csv_list(
    "JICENG_REPLICA_VIEWS",
    "dashboard:home,dashboard:hot_issues,dashboard:export_*,workbench:home,"
    "workbench:villages,/api/v1/cases,/api/v1/rates,/open311/v2/requests.*",
    help="URL names or paths (shell patterns) whose GET requests may read the replica",
)


def _replica(url: str) -> dict[str, object]:
    primary = DATABASES["default"]
    if "postgresql" not in str(primary["ENGINE"]):
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs a PostgreSQL DATABASE_URL")
    try:
        config: dict[str, object] = dict(dj_database_url.parse(url, conn_max_age=60))
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is not a database URL: {exc}") from None
    if "postgresql" not in str(config["ENGINE"]):
        raise ImproperlyConfigured("DATABASE_REPLICA_URL must be postgres://")
    config["ENGINE"] = primary["ENGINE"]
    # A replica that does not answer is skipped after 3 s rather than holding the page.
    config["OPTIONS"] = {**dict(primary.get("OPTIONS") or {}), "connect_timeout": 3}  # type: ignore[call-overload]
    # Tests read the test database through this alias too, never a copy of their own.
    config["TEST"] = {"MIRROR": "default"}
    return config


ROUTER = "jiceng.core.db.replica.router.ReplicaRouter"
DATABASE_ROUTERS: list[str] = []
REPLICA_MIDDLEWARE: list[str] = []
if _url:
    DATABASES[REPLICA] = _replica(_url)
    DATABASE_ROUTERS = [ROUTER]
    REPLICA_MIDDLEWARE = ["jiceng.core.db.replica.middleware.ReplicaMiddleware"]
