"""Finding the service user behind a key, at every request.

A key is ``jck_<prefix>_<secret>``: the prefix finds the row, the SHA-256 of the whole
key is compared in constant time.
"""

from __future__ import annotations

import copy
import hmac

from django.db import connection

from jiceng.api.services.key_rows import key_hash, key_row_sql, key_user
from jiceng.core.rows import statement_cursor
from jiceng.people.models import User

KEY_PREFIX = "jck"


def apikey_user(raw: str) -> User | None:
    """The service user behind a valid, unrevoked key; None for anything else.

    The user is a copy of a per-process instance (with its unit loaded); the instance
    is reloaded whenever the key row shows a change to what scoping reads.
    """
    parts = (raw or "").split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX:
        return None
    with statement_cursor(connection) as cursor:
        cursor.execute(key_row_sql(), [parts[1]])
        row = cursor.fetchone()
    if row is None or not hmac.compare_digest(row[0], key_hash(raw)) or not row[2]:
        return None
    # A shallow copy: a request may set attributes on its user without touching others'.
    return copy.copy(key_user(*row[1:]))
