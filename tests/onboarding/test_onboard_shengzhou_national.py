"""嵊州市 from the national division files, onboarded from one workbook (skipped without them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from shengzhou import SHENGZHOU, book

from jiceng.cases import public
from jiceng.onboarding.services import county_onboard
from jiceng.people.models import Unit
from jiceng.places.importer import import_divisions
from jiceng.places.models import Division, Level

NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "divisions"
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (NATIONAL / "villages.csv.gz").is_file(), reason=f"no national files in {NATIONAL}"
    ),
]


def test_shengzhou_imported_from_the_national_files_is_onboarded_and_listed(client):
    for name in ("areas", "streets", "villages"):
        import_divisions(NATIONAL / f"{name}.csv.gz", scope=SHENGZHOU)
    assert public.deployment_counties() == [Division.objects.get(code=SHENGZHOU)]  # fresh install

    report = county_onboard(county_code=SHENGZHOU, file=book())

    divisions = Division.objects.filter(code__startswith=SHENGZHOU)
    served = divisions.filter(level__in=[Level.COUNTY, Level.TOWNSHIP, Level.VILLAGE]).count()
    assert report.opened and report.counts["units_created"] == served + 1  # + dispatch centre
    assert Unit.objects.filter(division__code__startswith=SHENGZHOU, slug="").count() == served + 1
    assert [c.code for c in public.deployment_counties()] == [SHENGZHOU]
    assert "剡湖街道" in client.get("/submit/").content.decode()
