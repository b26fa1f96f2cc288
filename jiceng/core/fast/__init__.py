"""Fast paths: every place that bypasses the ORM, or leans on Django internals, for speed.

Owner: the core maintainers (one owner for the whole package). A change here, or a
Django upgrade, needs their review and the tripwire tests below green on SQLite and
PostgreSQL. Nothing outside this package writes SQL by hand for speed; a new fast path
comes here with a benchmark in ``bench/`` (figures there, never in comments) and a test
that compares it with the ORM. Each module's docstring names both.

- ``inserts``: ``save(force_insert=True)`` for the rows of a submission and the outbox.
- ``updates``: ``bulk_update`` for the outbox drain.
- ``conditional``: ``filter(pk=…, version=…).update(…)`` for every case transition.
- ``upsert``: ``bulk_create(update_conflicts=True)`` for a case's search row.
- ``bulk``: ``bulk_create`` of many rows: outreach items, imported divisions.
- ``rows``, ``converters``: ``list(qs.values())`` for the API's lists.
- ``statements``: prepared statements on PostgreSQL for queries run at every request.
- ``where``: reading a queryset's WHERE tree, for search's place narrowing.
- ``sqlite3``: Django's SQLite backend, with writers queued on a lock file.
- ``interpreter``: Python's garbage-collection and switch-interval settings for servers.
- ``stream``: ``values_list().iterator()`` for the history walk's long sorted streams.
- ``chainlink``: ``hashchain.link(prev, payload(event))`` of a stored event row, for that walk.
- ``chaintext``: the texts ``case_digest`` and ``hashchain.link`` hash, written from typed
  values, for ``chainlink`` and the city generator.

``tests/core/test_fast_package.py`` checks that every module here names a benchmark
that exists and a tripwire test that exists.
"""
