"""Place tokens in the search text: ``d`` + the case's county, township and village codes.

A search inside an area requires the area's token, so the full-text index itself
keeps only that area's matches (``cases.search``). New and re-indexed rows get the
tokens from ``search.search_text``; this appends them to the rows written before,
in SQL and in batches of case ids (on SQLite the FTS5 triggers follow each update;
on PostgreSQL the generated vector). Backwards, the tokens are stripped again.
"""

import re

from django.db import migrations

BATCH = 10_000
# The codes of the levels that have a token (county, township, village), as in search.PLACE_LEVELS.
LEVELS = (6, 9, 12)
TOKENS = " || ".join(
    f"CASE WHEN length(c.division_id) >= {n} THEN ' d' || substr(c.division_id, 1, {n}) ELSE '' END"
    for n in LEVELS
)
APPEND = (
    "UPDATE cases_casesearch SET text = text || ("
    f"SELECT {TOKENS} FROM cases_case c WHERE c.id = cases_casesearch.case_id"
    ") WHERE case_id >= %s AND case_id < %s"
)
PLACE_TOKENS = re.compile(r"(?: d\d{6,12})+$")


def _batches(cursor):
    cursor.execute("SELECT min(case_id), max(case_id) FROM cases_casesearch")
    low, high = cursor.fetchone()
    if low is None:
        return
    for start in range(low, high + 1, BATCH):
        yield start, start + BATCH


def add_place_tokens(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for start, end in list(_batches(cursor)):
            cursor.execute(APPEND, [start, end])


def strip_place_tokens(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for start, end in list(_batches(cursor)):
            cursor.execute(
                "SELECT case_id, text FROM cases_casesearch WHERE case_id >= %s AND case_id < %s",
                [start, end],
            )
            rows = [(PLACE_TOKENS.sub("", text), pk) for pk, text in cursor.fetchall()]
            cursor.executemany("UPDATE cases_casesearch SET text = %s WHERE case_id = %s", rows)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_case_full_text_search"),
    ]

    operations = [
        migrations.RunPython(add_place_tokens, strip_place_tokens),
    ]
