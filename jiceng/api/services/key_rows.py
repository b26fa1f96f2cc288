"""The row a key's prefix finds, the hash it stores, and the per-process users behind keys."""

from __future__ import annotations

import hashlib

from jiceng.api.models import ApiKey
from jiceng.core.memo import memo
from jiceng.people.models import Unit, User


def key_hash(raw: str) -> str:
    """What a key's row stores of it: the SHA-256 of the whole key."""
    return hashlib.sha256(raw.encode()).hexdigest()


def key_row_sql() -> str:
    """The key's hash, its user's active flag and every column scoping reads, by prefix."""
    key, user, unit = ApiKey._meta.db_table, User._meta.db_table, Unit._meta.db_table
    columns = "k.key_hash, u.id, u.is_active, u.username, u.role, u.unit_id, u.is_superuser"
    joins = f"{key} k JOIN {user} u ON u.id = k.user_id LEFT JOIN {unit} n ON n.id = u.unit_id"
    # Table names come from the models; the prefix is a parameter.
    return (
        f"SELECT {columns}, n.division_id FROM {joins} WHERE k.prefix = %s AND k.revoked_at IS NULL"  # noqa: S608
    )


# The service users behind keys, kept per process: building the ORM query for a key and
# its user is a large part of a small API request (bench/api/README.md). Each request
# still reads the key's row (one prepared statement) with every column scoping depends
# on, and those columns are the memo's key, so a revocation, a deactivation or a change
# of role or unit takes effect on the very next request.
@memo("api.key_users", limit=10_000)
def key_user(user_id: int, *_state: object) -> User:
    """The service user with its unit; ``_state``: the key row's columns scoping reads."""
    return User.objects.select_related("unit").get(pk=user_id)
