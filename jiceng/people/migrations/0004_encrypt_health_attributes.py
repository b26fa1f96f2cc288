"""Move the plain ``disability`` column into the encrypted ``health`` marks, and back.

Every resident gets their own ciphertext (a fresh Fernet token each), so the
table shows no pattern. Batched: a county holds hundreds of thousands of people.
"""

from typing import Any

from django.db import migrations

import jiceng.people.health

BATCH = 2000


def _batches(Resident: Any, fields: list[str]) -> Any:
    last = 0
    while True:
        chunk = list(
            Resident.objects.filter(pk__gt=last).order_by("pk").values_list("pk", *fields)[:BATCH]
        )
        if not chunk:
            return
        yield chunk
        last = chunk[-1][0]


def _update(schema_editor: Any, Resident: Any, column: str, params: list[tuple[Any, int]]) -> None:
    # One parameterised UPDATE per row, sent as a batch: each row gets its own
    # ciphertext, and a CASE over thousands of ids (bulk_update) is quadratic.
    quote = schema_editor.quote_name
    sql = f"UPDATE {quote(Resident._meta.db_table)} SET {quote(column)} = %s WHERE id = %s"
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany(sql, params)


def encrypt_marks(apps: Any, schema_editor: Any) -> None:
    Resident = apps.get_model("people", "Resident")
    field = Resident._meta.get_field("health")
    for chunk in _batches(Resident, ["disability"]):
        params = [
            (field.get_prep_value({"disability"} if disabled else set()), pk)
            for pk, disabled in chunk
        ]
        _update(schema_editor, Resident, "health", params)


def decrypt_marks(apps: Any, schema_editor: Any) -> None:
    Resident = apps.get_model("people", "Resident")
    for chunk in _batches(Resident, ["health"]):
        params = [("disability" in flags, pk) for pk, flags in chunk]
        _update(schema_editor, Resident, "disability", params)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0003_household_member_attributes"),
    ]

    operations = [
        migrations.AddField(
            model_name="resident",
            name="health",
            field=jiceng.people.health.HealthFlagsField(
                blank=True, default=frozenset, verbose_name="health marks"
            ),
        ),
        migrations.RunPython(encrypt_marks, decrypt_marks, elidable=False),
        migrations.RemoveField(
            model_name="resident",
            name="disability",
        ),
    ]
