"""Finding the service user behind a key, at every request.

A key is ``jck_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of the whole
key is compared in constant time.
"""

from __future__ import annotations

import copy
import hashlib
import hmac

from django.db import connection

from jiceng.api.models import ApiKey
from jiceng.core.memo import memo
from jiceng.core.rows import statement_cursor
from jiceng.people.models import Unit, User

KEY_PREFIX = "jck"


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _key_row_sql() -> str:
    key, user, unit = ApiKey._meta.db_table, User._meta.db_table, Unit._meta.db_table
    columns = "k.key_hash, u.id, u.is_active, u.username, u.role, u.unit_id, u.is_superuser"
    joins = f"{key} k JOIN {user} u ON u.id = k.user_id LEFT JOIN {unit} n ON n.id = u.unit_id"
    # Table names come from the models; the prefix is a parameter.
    return (
        f"SELECT {columns}, n.division_id FROM {joins} WHERE k.prefix = %s AND k.revoked_at IS NULL"  # noqa: S608
    )


def apikey_user(raw: str) -> User | None:
    """The service user behind a valid, unrevoked key; None for anything else.

    The user is a copy of a per-process instance (with its unit loaded); the instance
    is reloaded whenever the key row shows a change to what scoping reads.
    """
    parts = (raw or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    with statement_cursor(connection) as cursor:
        cursor.execute(_key_row_sql(), [parts[1]])
        row = cursor.fetchone()
    if row is None or not hmac.compare_digest(row[0], key_hash(raw)) or not row[2]:
        return None
    # A shallow copy: a request may set attributes on its user without touching others'.
    return copy.copy(key_user(*row[1:]))


# The service users behind keys, kept per process: building the ORM query for a key and
# its user is a large part of a small API request (bench/api/README.md). Each request
# still reads the key's row (one prepared statement) with every column scoping depends
# on, and those columns are the memo's key, so a revocation, a deactivation or a change
# of role or unit takes effect on the very next request.
@memo("api.key_users", limit=10_000)
def key_user(user_id: int, *_state: object) -> User:
    """The service user with its unit; ``_state``: the key row's columns scoping reads."""
    return User.objects.select_related("unit").get(pk=user_id)
