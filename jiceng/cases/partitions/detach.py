"""Taking the oldest month out of the live history, to be dumped and archived.

Months leave oldest first, so what remains of each case's chain is an unbroken tail. For
every case with events in the month, its last archived event is kept as an
:class:`ArchivedHead`: the verifier checks that the live chain goes on from that hash.
"""

from __future__ import annotations

from django.db import connection, transaction

from jiceng.cases.models import ArchivedMonth
from jiceng.cases.partitions.months import Month
from jiceng.cases.partitions.tables import (
    EVENTS,
    RATINGS,
    attached,
    count_between,
    default_name,
    partition_name,
    require_partitioned,
)
from jiceng.core import clock


class CannotDetach(Exception):
    """The month cannot leave yet; the message says why and what to do."""


def detach(month: Month) -> ArchivedMonth:
    """Detach ``month``'s event and rating partitions; they stay as plain tables to dump."""
    require_partitioned()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {EVENTS}, {RATINGS} IN SHARE UPDATE EXCLUSIVE MODE")
        _check_detachable(month)
        names = {table: partition_name(table, month) for table in (EVENTS, RATINGS)}
        counts = {table: count_between(name, month) for table, name in names.items()}
        _record_heads(names[EVENTS])
        # Ratings first: their key points at the events' partition.
        cursor.execute(f"ALTER TABLE {RATINGS} DETACH PARTITION {names[RATINGS]}")
        _drop_keys_to_events(names[RATINGS])
        cursor.execute(f"ALTER TABLE {EVENTS} DETACH PARTITION {names[EVENTS]}")
        return ArchivedMonth.objects.create(
            month=month.start.date(),
            starts_at=month.start,
            ends_at=month.end,
            events=counts[EVENTS],
            ratings=counts[RATINGS],
            event_table=names[EVENTS],
            rating_table=names[RATINGS],
            detached_at=clock.now(),
        )


def _check_detachable(month: Month) -> None:
    if month >= Month.of(clock.now()):
        raise CannotDetach(f"{month} is this month or later: only past months can leave")
    for table in (EVENTS, RATINGS):
        names = attached(table)
        if partition_name(table, month) not in names:
            raise CannotDetach(f"{table} has no attached partition for {month}")
        prefix = f"{table}_p"
        older = [n for n in names if n.startswith(prefix) and n[len(table) + 1 :] < month.suffix]
        if older:
            raise CannotDetach(f"detach older months first: {', '.join(sorted(older))}")
        with connection.cursor() as cursor:
            older_rows = f"SELECT count(*) FROM {default_name(table)} WHERE at < %s"  # noqa: S608
            cursor.execute(older_rows, [month.end])
            if cursor.fetchone()[0]:
                raise CannotDetach(f"{default_name(table)} holds rows up to {month}: see docs")
    _check_chains_end_in_month(partition_name(EVENTS, month), month)


def _check_chains_end_in_month(name: str, month: Month) -> None:
    """No event of the month may come after (in seq) an event dated later: that tail would
    lose an event in its middle."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {name} p WHERE EXISTS (SELECT 1 FROM {EVENTS} e "  # noqa: S608
            "WHERE e.case_id = p.case_id AND e.seq < p.seq AND e.at >= %s)",
            [month.end],
        )
        crossing = cursor.fetchone()[0]
    if crossing:
        raise CannotDetach(f"{crossing} event(s) of {month} follow later-dated events")


def _record_heads(name: str) -> None:
    """Each case's last event of the month becomes its archived head (replacing older)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO cases_archivedhead (case_id, seq, at, hash, case_digest) "  # noqa: S608
            f"SELECT DISTINCT ON (case_id) case_id, seq, at, hash, case_digest FROM {name} "
            "ORDER BY case_id, seq DESC "
            "ON CONFLICT (case_id) DO UPDATE SET seq = EXCLUDED.seq, at = EXCLUDED.at, "
            "hash = EXCLUDED.hash, case_digest = EXCLUDED.case_digest"
        )


def _drop_keys_to_events(name: str) -> None:
    """A detached ratings table keeps a key on the live events; it would pin them."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(%s) "
            "AND contype = 'f' AND confrelid = to_regclass(%s)",
            [name, EVENTS],
        )
        for (constraint,) in cursor.fetchall():
            cursor.execute(f'ALTER TABLE {name} DROP CONSTRAINT "{constraint}"')
