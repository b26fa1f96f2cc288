"""Block tokens in the search text: ``blk`` + the case id's block (``case_id >> 18``).

A search inside a place reads its history one block of ids at a time, newest first, by
requiring the block's token (``cases.search.ranking``). New and re-indexed rows get the
token from ``search.tokens.row_text``; this appends it to the rows written before.

Each batch of case ids is its own transaction (the migration is not atomic), and a row
that already ends with its token is left alone, so a migration stopped half-way is run
again without writing a token twice. It goes newest batch first, as searches read.
At ten million cases it rewrites ten million rows and their index entries: docs/scale.md
says when to run it. Backwards, the tokens are stripped again.
"""

import re

from django.db import migrations, transaction

BATCH = 10_000
# As search.tokens: BLOCK_MARK and BLOCK_BITS (2**18 ids a block).
TOKEN = "' blk' || (case_id / 262144)"
APPEND = (
    f"UPDATE cases_casesearch SET text = text || {TOKEN}"
    f" WHERE case_id >= %s AND case_id < %s AND text NOT LIKE '%%' || {TOKEN}"
)
BLOCK_TOKEN = re.compile(r" blk\d+$")


def _batches(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(case_id), max(case_id) FROM cases_casesearch")
        low, high = cursor.fetchone()
    if low is None:
        return []
    return [(start, start + BATCH) for start in range(low, high + 1, BATCH)]


def add_block_tokens(apps, schema_editor):
    # Newest first: a search reads the newest blocks by their tokens, older ones often not.
    connection = schema_editor.connection
    for start, end in reversed(_batches(connection)):
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(APPEND, [start, end])


def strip_block_tokens(apps, schema_editor):
    connection = schema_editor.connection
    for start, end in _batches(connection):
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute(
                "SELECT case_id, text FROM cases_casesearch WHERE case_id >= %s AND case_id < %s",
                [start, end],
            )
            rows = [(BLOCK_TOKEN.sub("", text), pk) for pk, text in cursor.fetchall()]
            cursor.executemany("UPDATE cases_casesearch SET text = %s WHERE case_id = %s", rows)


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("cases", "0017_case_resolved_place_index"),
    ]

    operations = [
        migrations.RunPython(add_block_tokens, strip_block_tokens),
    ]
