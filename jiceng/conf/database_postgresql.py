"""What PostgreSQL needs: the hot statements prepared, unless behind an old PgBouncer."""

from __future__ import annotations

from jiceng.core import env


def postgresql_config(config: dict[str, object]) -> dict[str, object]:
    """``config`` (parsed from a postgres:// URL) with prepared statements set as configured."""
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
    return config
