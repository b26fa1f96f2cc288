"""China's statutory holidays and make-up workdays for 2025–2026, from core/data/calendar.json."""

import datetime
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "calendar.json"


def _days():
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for kind, groups in (("holiday", data["holidays"]), ("workday", data["workdays"])):
        for name, days in groups.items():
            for day in days:
                yield datetime.date.fromisoformat(day), kind, name


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for day, kind, name in _days():
        CalendarDay.objects.update_or_create(date=day, defaults={"kind": kind, "name": name})


def unseed(apps, schema_editor):
    apps.get_model("core", "CalendarDay").objects.filter(date__in=[d for d, _, _ in _days()]).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
