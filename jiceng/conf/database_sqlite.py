"""What SQLite needs: our lock-queueing backend, WAL, and write transactions taken at BEGIN."""

from __future__ import annotations


def sqlite_config(config: dict[str, object]) -> dict[str, object]:
    """``config`` (parsed from a sqlite:// URL) with our backend and its options."""
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
    return config
