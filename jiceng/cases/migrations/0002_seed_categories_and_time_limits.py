"""Default time limits (hotline practice) and the standard categories."""

from django.db import migrations

TIME_LIMITS = [
    # code, name, respond amount, unit, resolve amount, unit
    ("emergency", "紧急 Emergency", 1, "hours", 2, "hours"),
    ("utilities", "水电气暖 Utilities", 2, "hours", 24, "hours"),
    ("general", "一般 General", 24, "hours", 7, "working_days"),
    ("complex", "复杂 Complex", 48, "hours", 15, "working_days"),
]

CATEGORIES = [
    # code, name, English, group, icon, time limit, first tier
    ("clothing", "衣", "Clothing", "daily_life", "👕", "general", "village"),
    ("food", "食", "Food", "daily_life", "🍚", "general", "township"),
    ("housing", "住", "Housing", "daily_life", "🏠", "complex", "village"),
    ("transport", "行", "Roads and transport", "daily_life", "🛣", "general", "village"),
    ("utilities", "水电气", "Water, power and gas", "daily_life", "💧", "utilities", "county"),
    ("employment", "就业", "Jobs and wages", "services", "💼", "general", "township"),
    ("education", "教育", "Education", "services", "🎓", "general", "township"),
    ("social_security", "社保", "Social security", "services", "🛡", "general", "village"),
    ("medical", "医疗", "Medical care", "services", "🏥", "general", "township"),
    ("environment", "环境", "Environment", "governance", "🌳", "general", "village"),
    ("dispute", "矛盾纠纷", "Disputes", "governance", "🤝", "complex", "village"),
    ("village_affairs", "村务", "Village affairs", "governance", "📋", "complex", "township"),
    ("other", "其他", "Other", "governance", "💬", "general", "village"),
]


def seed(apps, schema_editor):
    TimeLimit = apps.get_model("cases", "TimeLimit")
    Category = apps.get_model("cases", "Category")
    for code, name, ra, ru, sa, su in TIME_LIMITS:
        TimeLimit.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name, respond_amount=ra, respond_unit=ru, resolve_amount=sa, resolve_unit=su
            ),
        )
    for order, (code, name, name_en, group, icon, limit, tier) in enumerate(CATEGORIES):
        Category.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name,
                name_en=name_en,
                group=group,
                icon=icon,
                time_limit_id=limit,
                first_tier=tier,
                sort_order=order,
            ),
        )


def unseed(apps, schema_editor):
    apps.get_model("cases", "Category").objects.filter(code__in=[c[0] for c in CATEGORIES]).delete()
    apps.get_model("cases", "TimeLimit").objects.filter(code__in=[t[0] for t in TIME_LIMITS]).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
