"""Calendar days say whether they are provisional and where they come from.

The days loaded by 0002 come from the State Council General Office's notices, so they
are official and their source is the notice of their year.
"""

from django.db import migrations, models

NOTICE = "国务院办公厅关于%d年部分节假日安排的通知"
NOTICE_YEARS = (2025, 2026)


def name_the_notices(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    for year in NOTICE_YEARS:
        CalendarDay.objects.filter(date__year=year, source="").update(source=NOTICE % year)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_throttle_counters")]

    operations = [
        migrations.AddField(
            model_name="calendarday",
            name="provisional",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "Set until the State Council's notice for the year is loaded: only the dates"
                    " the law fixes, without the notice's make-up workdays."
                ),
                verbose_name="provisional",
            ),
        ),
        migrations.AddField(
            model_name="calendarday",
            name="source",
            field=models.CharField(
                blank=True,
                help_text="Where the day comes from, e.g. the notice's title or the imported file.",
                max_length=200,
                verbose_name="source",
            ),
        ),
        # The fields go away on the way back, so there is nothing to undo.
        migrations.RunPython(name_the_notices, migrations.RunPython.noop),
    ]
