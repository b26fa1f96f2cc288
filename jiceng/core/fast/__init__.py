"""Fast paths: every place that bypasses the ORM, or leans on Django internals, for speed.

Owner: the core maintainers (one owner for the whole package). A change here, or a
Django upgrade, needs their review and the tripwire tests below green on SQLite and
PostgreSQL. Nothing outside this package writes SQL by hand for speed; a new fast path
comes here with a benchmark in ``bench/`` (figures there, never in comments) and a test
that compares it with the ORM.

| module | stands in for | used by | benchmark | tripwire |
|---|---|---|---|---|
| ``inserts`` | ``save(force_insert=True)`` | case, event, contact, outbox | bench/README.md, "Case submission through the service layer" | ``tests/core/test_fast_inserts_sql.py`` |
| ``updates`` | ``bulk_update`` | outbox drain | bench/README.md, "Outbox drain" | ``tests/core/test_fast_updates_sql.py`` |
| ``conditional`` | ``filter(pk=…, version=…).update(…)`` | ``cases.history.append`` | bench/README.md, "Case submission through the service layer" | ``tests/core/test_fast_conditional.py`` |
| ``upsert`` | ``bulk_create(update_conflicts=True)`` | ``cases.search.index_case`` | bench/search.md, "Cost added to each case written" | ``tests/core/test_fast_upsert.py`` |
| ``bulk`` | ``bulk_create`` of many rows | outreach items, division import | bench/fieldwork/README.md; bench/divisions.md | ``tests/core/test_fast_bulk.py`` |
| ``rows``, ``converters`` | ``list(qs.values())`` | API lists, Open311 | bench/api/README.md, "Session 3" and "Session 4" | ``tests/core/test_rows.py``, ``tests/core/test_fast_rows.py`` |
| ``statements`` | ``connection.cursor()`` | kept list queries, API keys | bench/api/README.md, "Session 4" | ``tests/core/test_fast_statements.py`` |
| ``where`` | passing a scope along | search's place narrowing | bench/search.md | ``tests/core/test_fast_where.py`` |
| ``sqlite3`` | Django's SQLite backend | every SQLite write | bench/api/README.md, "Session 3" | ``tests/core/test_fast_sqlite_backend.py`` |
| ``interpreter`` | Python's GC and switch defaults | gunicorn ``post_worker_init`` | bench/api/README.md, "Session 4" | ``tests/core/test_warmup.py`` |

``tests/core/test_fast_package.py`` checks that every module here names a benchmark
file that exists and a tripwire test that exists.
"""
