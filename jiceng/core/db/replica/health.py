"""Whether the replica may serve: answering, and close enough behind the primary.

Checked at most every :data:`CHECK_SECONDS` per process. The lag is nil while the
replica has replayed everything it received from a streaming connection; otherwise it
is the age of the last transaction it replayed, so an idle primary cannot make a
stalled replica look fresh. Seeing the WAL receiver's status needs a superuser or the
``pg_read_all_stats`` role; without it the age is used, which errs towards the primary.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import DatabaseError, connections

from jiceng.core.db.replica.state import REPLICA
from jiceng.core.memo import Memo

CHECK_SECONDS = 2.0
LAG_SQL = """
SELECT CASE
  WHEN NOT pg_is_in_recovery() THEN 0
  WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn()
       AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN 0
  ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 'Infinity')
END
"""
logger = logging.getLogger(__name__)
# Each node judges its own connection to the replica: not shared with the others.
_checked: Memo[bool] = Memo("core.replica_health", seconds=CHECK_SECONDS, shared=False)


def replica_lag() -> float | None:
    """Seconds the replica is behind; None when it cannot be asked."""
    try:
        with connections[REPLICA].cursor() as cursor:
            cursor.execute(LAG_SQL)
            row = cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("Read replica unavailable, the primary serves: %s", exc)
        connections[REPLICA].close()
        return None
    return float(row[0]) if row else None


def _check() -> bool:
    lag = replica_lag()
    if lag is not None and lag > settings.JICENG_REPLICA_MAX_LAG:
        logger.warning("Read replica %.1f s behind, the primary serves", lag)
    return lag is not None and lag <= settings.JICENG_REPLICA_MAX_LAG


def replica_fresh() -> bool:
    """Whether reads may go to the replica now."""
    return _checked.get((), _check)


def replica_failed() -> None:
    """A read on the replica failed: the primary serves until the next check."""
    _checked.forget()
    _checked.get((), lambda: False)


def forget() -> None:
    """Check again at the next read (tests; after a failover)."""
    _checked.forget()
