# Open cases: the area queue's count from the index alone, its first page and the
# dashboard's oldest requests read in order. Built CONCURRENTLY on PostgreSQL (writes go
# on during the build, minutes at ten million cases); the covering index is built under
# a new name before the one it replaces is dropped, so the queues never lack one.

from django.db import migrations, models

from jiceng.core.db.indexes import AddIndexOnline, RemoveIndexOnline

OPEN = models.Q(("state__in", ("submitted", "dispatched", "accepted")))


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("cases", "0018_case_search_block_tokens"),
        ("people", "0008_english_label_for_minimum_living_allowance"),
        ("places", "0001_initial"),
    ]

    operations = [
        AddIndexOnline(
            model_name="case",
            index=models.Index(
                condition=OPEN,
                fields=["division", "state"],
                include=("owner", "category", "kind", "submitted_at", "id"),
                name="case_open_in_place",
            ),
        ),
        AddIndexOnline(
            model_name="case",
            index=models.Index(
                condition=OPEN, fields=["resolve_by", "respond_by", "id"], name="case_open_due"
            ),
        ),
        AddIndexOnline(
            model_name="case",
            index=models.Index(condition=OPEN, fields=["submitted_at", "id"], name="case_open_age"),
        ),
        RemoveIndexOnline(model_name="case", name="case_open_place"),
    ]
