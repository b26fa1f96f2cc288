"""2027's statutory holidays as the law fixes them, marked provisional.

The State Council General Office's notice for 2027 (国务院办公厅关于2027年部分节假日安排的通知)
was not to be had when this was written (neither in chinesecalendar 1.11.0 nor in public
holiday data), so without these days 2027-01-01 would count as a working day. These are
the 13 days of 《全国年节及纪念日放假办法》 as revised in 2024 (in force since 2025): 元旦
1 Jan; 春节 除夕 and 正月初一–初三; 清明 on the 清明 solar term; 劳动节 1–2 May; 端午 5/5 and
中秋 8/15 of the lunar calendar; 国庆节 1–3 Oct. The lunar and solar-term dates were worked
out with lunar-python 1.4.8 and checked against lunardate 0.3.0 and chinesecalendar 1.11.0
(which also give 2025's and 2026's dates as the notices have them).

No make-up workday (调休上班) and no compensating rest day (补休) is guessed: only the notice
sets them. ``jiceng calendar import`` replaces the whole year with the notice in one step.
A year that already has days (entered by hand before this ran) is left alone.
"""

import datetime

from django.db import migrations

YEAR = 2027
SOURCE = "全国年节及纪念日放假办法（2024年修订）：法定日期，待国务院办公厅2027年通知"
HOLIDAYS = {
    "元旦": ["2027-01-01"],
    "春节": ["2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08"],
    "清明节": ["2027-04-05"],
    "劳动节": ["2027-05-01", "2027-05-02"],
    "端午节": ["2027-06-09"],
    "中秋节": ["2027-09-15"],
    "国庆节": ["2027-10-01", "2027-10-02", "2027-10-03"],
}


def _dates():
    return [datetime.date.fromisoformat(day) for days in HOLIDAYS.values() for day in days]


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("core", "CalendarDay")
    if CalendarDay.objects.filter(date__year=YEAR).exists():
        return
    CalendarDay.objects.bulk_create(
        CalendarDay(
            date=datetime.date.fromisoformat(day),
            kind="holiday",
            name=name,
            provisional=True,
            source=SOURCE,
        )
        for name, days in HOLIDAYS.items()
        for day in days
    )


def unseed(apps, schema_editor):
    # Only what this migration wrote: an official notice imported since then stays.
    CalendarDay = apps.get_model("core", "CalendarDay")
    CalendarDay.objects.filter(date__in=_dates(), provisional=True, source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0004_calendar_day_provisional_and_source")]
    operations = [migrations.RunPython(seed, unseed)]
