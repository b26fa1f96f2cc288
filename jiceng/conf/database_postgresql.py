"""What PostgreSQL needs: the hot statements prepared, unless behind an old PgBouncer, and
no JIT compilation."""

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
    # PostgreSQL compiles a statement it estimates as costly (jit_above_cost) before running
    # it. Over monthly partitions that compilation took longer than the query: a month of a
    # 1M-case city's response rates ran 3.5 s without it and 35-44 s with it (bench/README.md,
    # "Rollups at city scale"). Set in the connection's startup options; a pooler that
    # refuses them (PgBouncer without ``options`` in ignore_startup_parameters) can set
    # JICENG_DB_JIT=true and run ``ALTER DATABASE … SET jit = off`` instead (docs/scale.md).
    jit = env.boolean(
        "JICENG_DB_JIT",
        False,
        help="PostgreSQL: allow JIT compilation of costly statements (off by default: it "
        "costs more than it saves on partitioned history); true behind a pooler that "
        "refuses startup options",
    )
    if not jit:
        options.setdefault("options", "-c jit=off")
    config["OPTIONS"] = options
    return config
