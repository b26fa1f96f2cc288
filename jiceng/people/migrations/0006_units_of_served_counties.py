"""Create the missing units of every county already served.

Units used to be created on first use, by the pages and submissions that needed
them; they are now created at set-up only (``jiceng setup-units``). A county is
served when it has a dispatch centre: this gives its government, townships and
villages their units, as ``people.units.ensure_units`` would, so that nothing that
worked before the upgrade stops working. Nothing is undone on the way back: the
units may be referenced by then.
"""

from django.db import migrations

BATCH = 2000
KIND_OF_LEVEL = {"county": "county", "township": "township", "village": "village"}


def _name(division, kind):
    # As people.units.default_name (migrations do not import app code).
    if kind == "township":
        return division.name + ("办事处" if division.name.endswith("街道") else "人民政府")
    if kind == "county":
        return f"{division.name}人民政府"
    return division.name


def create_units(apps, schema_editor):
    Division = apps.get_model("places", "Division")
    Unit = apps.get_model("people", "Unit")
    counties = Unit.objects.filter(kind="dispatch", slug="").values_list("division_id", flat=True)
    for county in sorted(set(counties)):
        upper = str(int(county) + 1).zfill(len(county))
        within = {"code__gte": county, "code__lt": upper}
        divisions = Division.objects.filter(level__in=list(KIND_OF_LEVEL), **within)
        existing = set(
            Unit.objects.filter(
                slug="", division_id__gte=county, division_id__lt=upper
            ).values_list("division_id", "kind")
        )
        missing = [
            Unit(division_id=d.code, kind=KIND_OF_LEVEL[d.level], slug="", name=_name(d, d.level))
            for d in divisions.iterator()
            if (d.code, KIND_OF_LEVEL[d.level]) not in existing
        ]
        Unit.objects.bulk_create(missing, batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_masked_contact_copies"),
        ("places", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_units, migrations.RunPython.noop)]
