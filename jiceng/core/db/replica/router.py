"""The database router: marked reads to a fresh replica, everything else to the primary."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS
from django.db.models import Model

from jiceng.core.db.replica.health import replica_fresh
from jiceng.core.db.replica.state import REPLICA, current

# Who may see what is decided on the primary's rows: logins, sessions, users and units.
PRIMARY_ONLY = frozenset(
    {"auth", "sessions", "contenttypes", "admin", "people", "otp_totp", "django_otp"}
)


def read_alias(alias: str = DEFAULT_DB_ALIAS) -> str:
    """Where the current request reads: the replica when it may, else ``alias``.

    For queries compiled once and run again (jiceng.core.fast.rows), which are kept
    across requests and so cannot keep the alias they were compiled for.
    """
    state = current()
    if alias not in (DEFAULT_DB_ALIAS, REPLICA) or state is None or not state.eligible:
        return DEFAULT_DB_ALIAS if alias == REPLICA else alias
    if not replica_fresh():
        return DEFAULT_DB_ALIAS
    state.used = True
    return REPLICA


class ReplicaRouter:
    def db_for_read(self, model: type[Model], **_hints: Any) -> str:
        if model._meta.app_label in PRIMARY_ONLY:
            return DEFAULT_DB_ALIAS
        return read_alias()

    def db_for_write(self, model: type[Model], **_hints: Any) -> str:
        state = current()
        if state is not None:
            state.wrote = True
        # Never the instance's own alias: a row read from the replica is saved on the primary.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Model, obj2: Model, **_hints: Any) -> bool:
        return True  # one database, two copies

    def allow_migrate(self, db: str, app_label: str, **_hints: Any) -> bool:
        return db != REPLICA
