"""On PostgreSQL, case events and ratings become tables partitioned by month on ``at``.

SQLite keeps plain tables, and the models do not change: Django still sees ``id`` as the
primary key. In the database, a partitioned table's primary and unique keys must hold the
partition key, so they widen by ``at``:

- ``PRIMARY KEY (id, at)``, ids still drawn from one sequence, so ``id`` stays unique;
- ``case_event_seq_unique`` is ``(case_id, seq, at)``: the conditional update of the case's
  version is what keeps one event per seq, and ``verify-history`` reports any duplicate;
- a rating's key on its event is ``(event_id, at)``, and its foreign key is
  ``(event_id, at) → caseevent (id, at)``: a rating carries its event's ``at``.

Each table is renamed, a partitioned table of the same name and columns is created with a
partition per local month from its oldest row to three months ahead and a default
partition, the rows are copied, the old table dropped and its indexes and constraints
made again under their old names. Going back does the same the other way round.
Self-contained on purpose: migrations import no app code (docs/partitions.md).
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations
from django.utils import timezone

TABLES = ("cases_caseevent", "cases_rating")
MONTHS_AHEAD = 3
EVENT_FK = re.compile(r"^FOREIGN KEY \(event_id\) REFERENCES cases_caseevent\(id\)")
EVENT_FK_WIDE = re.compile(r"^FOREIGN KEY \(event_id, at\) REFERENCES cases_caseevent\(id, at\)")
KEY = re.compile(r"^(PRIMARY KEY|UNIQUE) \((.*)\)$")


def _shape(cursor, table):
    """The table's own constraints (not checks, which LIKE copies, nor the per-partition
    clones of a key on a partitioned table) and its other indexes."""
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f') AND conparentid = 0 "
        "ORDER BY contype DESC",
        [table],
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
        "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) "
        "ORDER BY i.relname",
        [table],
    )
    return constraints, cursor.fetchall()


def _widen(definition):
    keyed = KEY.match(definition)
    if keyed:
        return f"{keyed[1]} ({keyed[2]}, at)"
    return EVENT_FK.sub("FOREIGN KEY (event_id, at) REFERENCES cases_caseevent(id, at)", definition)


def _narrow(definition):
    keyed = KEY.match(definition)
    if keyed:
        return f"{keyed[1]} ({keyed[2].removesuffix(', at')})"
    return EVENT_FK_WIDE.sub("FOREIGN KEY (event_id) REFERENCES cases_caseevent(id)", definition)


def _month_starts(cursor, table):
    """The first instant of every local month from the oldest row to MONTHS_AHEAD ahead."""
    zone = ZoneInfo(settings.TIME_ZONE)
    cursor.execute(f"SELECT min(at) FROM {table}")
    oldest = cursor.fetchone()[0] or timezone.now()
    now = timezone.now().astimezone(zone)
    year, month = oldest.astimezone(zone).year, oldest.astimezone(zone).month
    last = now.year * 12 + now.month - 1 + MONTHS_AHEAD
    starts = []
    while year * 12 + month - 1 <= last + 1:
        starts.append(datetime(year, month, 1, tzinfo=zone))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return starts


def _rebuild(cursor, table, shape, *, partitioned):
    constraints, indexes = shape
    old = f"{table}_rebuilt"
    cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP IDENTITY IF EXISTS")
    cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id DROP DEFAULT")
    cursor.execute(f"ALTER TABLE {table} RENAME TO {old}")
    scheme = " PARTITION BY RANGE (at)" if partitioned else ""
    cursor.execute(
        f"CREATE TABLE {table} (LIKE {old} INCLUDING DEFAULTS INCLUDING CONSTRAINTS){scheme}"
    )
    if partitioned:
        starts = _month_starts(cursor, old)
        for start, end in zip(starts, starts[1:], strict=False):
            cursor.execute(  # DDL takes no parameters; these are our own instants
                f"CREATE TABLE {table}_p{start:%Y_%m} PARTITION OF {table} "
                f"FOR VALUES FROM ('{start.isoformat()}') TO ('{end.isoformat()}')"
            )
        cursor.execute(f"CREATE TABLE {table}_default PARTITION OF {table} DEFAULT")
    cursor.execute(f"INSERT INTO {table} SELECT * FROM {old}")
    cursor.execute(f"DROP TABLE {old} CASCADE")
    _number_rows(cursor, table, partitioned=partitioned)
    reshape = _widen if partitioned else _narrow
    for name, definition in constraints:
        cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {name} {reshape(definition)}")
    for _, definition in indexes:
        cursor.execute(definition.replace(" ON ONLY ", " ON ", 1))


def _number_rows(cursor, table, *, partitioned):
    """Ids from a sequence the column owns (partitioned; PostgreSQL 15 has no identity
    there) or from an identity column again, as Django makes them; on from the last id."""
    if partitioned:
        cursor.execute(f"CREATE SEQUENCE {table}_id_seq OWNED BY {table}.id")
        cursor.execute(
            f"ALTER TABLE {table} ALTER COLUMN id SET DEFAULT nextval('{table}_id_seq')"
        )
    else:
        cursor.execute(f"ALTER TABLE {table} ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY")
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence(%s, 'id'), coalesce(max(id), 0) + 1, false) "
        f"FROM {table}",
        [table],
    )


def _convert(schema_editor, *, partitioned):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"LOCK TABLE {', '.join(TABLES)} IN ACCESS EXCLUSIVE MODE")
        shapes = {table: _shape(cursor, table) for table in TABLES}
        # The ratings' key on events goes first: the events table is dropped under it.
        for name, definition in shapes["cases_rating"][0]:
            if "REFERENCES cases_caseevent" in definition:
                cursor.execute(f"ALTER TABLE cases_rating DROP CONSTRAINT {name}")
        if partitioned:
            _check_ratings_carry_their_events_time(cursor)
        for table in TABLES:
            _rebuild(cursor, table, shapes[table], partitioned=partitioned)


def _check_ratings_carry_their_events_time(cursor):
    cursor.execute(
        "SELECT count(*) FROM cases_rating r JOIN cases_caseevent e ON e.id = r.event_id "
        "WHERE e.at <> r.at"
    )
    differing = cursor.fetchone()[0]
    if differing:
        raise RuntimeError(
            f"{differing} rating(s) have another time than their event: run "
            "`jiceng verify-history`, settle them, then migrate again"
        )


def partition(apps, schema_editor):
    _convert(schema_editor, partitioned=True)


def unpartition(apps, schema_editor):
    _convert(schema_editor, partitioned=False)


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_outbox")]

    operations = [migrations.RunPython(partition, unpartition)]
